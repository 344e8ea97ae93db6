package dev.gaia.chat.turn;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemDetails;
import dev.gaia.shared.problem.ProblemException;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ReplyStreamTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final ProblemDetails PROBLEMS = new ProblemDetails(
            new DefaultListableBeanFactory().getBeanProvider(Tracer.class));
    private static final UUID TURN = UUID.fromString("6f1c1b0e-4a43-4a8f-9a53-0d4c8f0c2b11");

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void ndjsonSendsOneObjectPerLineAndFlushesEach() throws IOException {
        ReplyStream reply = stream(ReplyFormat.NDJSON, Duration.ofMinutes(1));

        reply.token("Hel");
        assertThat(response.isCommitted()).as("the first token is on its way before the second").isTrue();
        reply.token("lo");
        reply.done(TURN, "Hello");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/x-ndjson");
        assertThat(response.getContentAsString()).isEqualTo("""
                {"token":"Hel"}
                {"token":"lo"}
                {"done":true,"turn_id":"6f1c1b0e-4a43-4a8f-9a53-0d4c8f0c2b11","content":"Hello"}
                """);
    }

    @Test
    void sseSendsTheSameObjectsAsDataEvents() throws IOException {
        ReplyStream reply = stream(ReplyFormat.SSE, Duration.ofMinutes(1));

        reply.token("Hi\nthere");
        reply.done(TURN, "Hi\nthere");

        assertThat(response.getContentType()).isEqualTo("text/event-stream");
        assertThat(response.getContentAsString()).isEqualTo("""
                data: {"token":"Hi\\nthere"}

                data: {"done":true,"turn_id":"6f1c1b0e-4a43-4a8f-9a53-0d4c8f0c2b11","content":"Hi\\nthere"}

                """);
    }

    @Test
    void aFailureBeforeAnythingWasSentIsLeftToTheProblemResponse() {
        ReplyStream reply = stream(ReplyFormat.NDJSON, Duration.ofMinutes(1));
        ProblemException refused = ProblemException.unavailable("model_provider_not_configured", "Set a provider.");

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> reply.fail(refused)).isSameAs(refused);
        assertThat(response.isCommitted()).isFalse();
    }

    @Test
    void aFailureAfterTokensEndsTheStreamWithTheProblem() throws IOException {
        ReplyStream reply = stream(ReplyFormat.NDJSON, Duration.ofMinutes(1));
        reply.token("Hel");

        reply.fail(new ProblemException(HttpStatus.BAD_GATEWAY, "model_stream_interrupted", "It broke off."));

        String[] lines = response.getContentAsString().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode error = JSON.readTree(lines[1]).path("error");
        assertThat(error.path("type").asString()).isEqualTo("https://gaia.dev/problems/model_stream_interrupted");
        assertThat(error.path("status").asInt()).isEqualTo(502);
        assertThat(error.path("code").asString()).isEqualTo("model_stream_interrupted");
        assertThat(error.path("detail").asString()).isEqualTo("It broke off.");
    }

    @Test
    void anIdleSseReplySendsHeartbeatsUntilItIsFinished() throws IOException {
        ReplyStream reply = stream(ReplyFormat.SSE, Duration.ofMillis(20));

        reply.open();
        await().atMost(Duration.ofSeconds(5)).until(() -> response.getContentAsString().startsWith(":\n\n"));
        reply.finish();
        reply.token("Hi");

        assertThat(response.getContentAsString()).endsWith(":\n\ndata: {\"token\":\"Hi\"}\n\n");
    }

    @Test
    void ndjsonHasNoHeartbeats() throws InterruptedException, IOException {
        ReplyStream reply = stream(ReplyFormat.NDJSON, Duration.ofMillis(5));

        reply.open();
        Thread.sleep(50);
        reply.finish();

        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsString()).isEmpty();
    }

    private ReplyStream stream(ReplyFormat format, Duration heartbeat) {
        return new ReplyStream(response, format, JSON, PROBLEMS, heartbeat);
    }
}
