package dev.gaia.model.resilience;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FirstTokenTests {

    private static final JsonMapper json = JsonMapper.shared();

    @Test
    void readsThroughTheFirstEventWithATokenAndLeavesTheRest() throws Exception {
        String role = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
        String token = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n";
        String rest = "\ndata: [DONE]\n\n";
        InputStream in = new ByteArrayInputStream((role + token + rest).getBytes(StandardCharsets.UTF_8));

        FirstToken.Start start = FirstToken.readStart(in, json);

        assertThat(new String(start.bytes(), StandardCharsets.UTF_8)).isEqualTo(role + token);
        assertThat(start.error()).isNull();
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(rest);
    }

    @Test
    void countsToolCallsFinishReasonsErrorsAndDoneAsBegun() {
        assertThat(FirstToken.begins("data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0}]}}]}", json))
                .isTrue();
        assertThat(FirstToken.begins("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}", json)).isTrue();
        assertThat(FirstToken.begins("data: {\"error\":{\"message\":\"overloaded\"}}", json)).isTrue();
        assertThat(FirstToken.begins("data: [DONE]", json)).isTrue();
        assertThat(FirstToken.begins("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"},"
                + "\"finish_reason\":null}]}", json)).isFalse();
        assertThat(FirstToken.begins(": keep-alive", json)).isFalse();
    }

    @Test
    void returnsWhatItReadWhenTheStreamEndsWithoutAToken() throws Exception {
        FirstToken.Start start = FirstToken.readStart(
                new ByteArrayInputStream("data: {}\n".getBytes(StandardCharsets.UTF_8)), json);

        assertThat(new String(start.bytes(), StandardCharsets.UTF_8)).isEqualTo("data: {}\n");
    }

    @Test
    void hasTheErrorOfAnAnswerThatBeganWithOne() throws Exception {
        String role = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n";
        String error = "data: {\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\"}}\n";

        FirstToken.Start start = FirstToken.readStart(
                new ByteArrayInputStream((role + error).getBytes(StandardCharsets.UTF_8)), json);
        FirstToken.Start text = FirstToken.readStart(
                new ByteArrayInputStream("data: {\"error\":\"model not loaded\"}\n".getBytes(StandardCharsets.UTF_8)),
                json);

        assertThat(start.error()).isNotNull();
        assertThat(start.error().path("type").stringValue()).isEqualTo("overloaded_error");
        assertThat(text.error()).isNotNull();
        assertThat(text.error().path("message").stringValue()).isEqualTo("model not loaded");
    }
}
