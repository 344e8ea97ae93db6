package dev.gaia.chat.model;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CompletionStreamTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Test
    void readsTheTokensOfEveryContentChunkUntilDone() {
        CompletionStream stream = stream("""
                data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{"content":"Hola"},"finish_reason":null}]}

                : a comment the server sends to keep the connection open

                data: {"choices":[{"index":0,"delta":{"content":", amigo"},"finish_reason":null}]}

                data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                data: {"choices":[],"usage":{"prompt_tokens":42,"completion_tokens":2,"total_tokens":44}}

                data: [DONE]

                """);

        assertThat(tokens(stream)).containsExactly("Hola", ", amigo");
        assertThat(stream.usage()).contains(new Usage(42, 2));
    }

    @Test
    void acceptsAStreamThatEndsAfterItsFinishingChunkWithoutDone() {
        CompletionStream stream = stream("""
                data: {"choices":[{"delta":{"content":"Hi"}}]}

                data: {"choices":[{"delta":{},"finish_reason":"stop"}]}

                """);

        assertThat(tokens(stream)).containsExactly("Hi");
        assertThat(stream.usage()).isEmpty();
    }

    @Test
    void aStreamThatBreaksOffIsAnInterruptedReply() {
        CompletionStream stream = stream("""
                data: {"choices":[{"delta":{"content":"Hi"}}]}

                """);

        assertThat(stream.nextToken()).isEqualTo("Hi");
        assertThatExceptionOfType(ProblemException.class).isThrownBy(stream::nextToken)
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
                    assertThat(problem.code()).isEqualTo("model_stream_interrupted");
                });
    }

    @Test
    void anErrorEventWithProblemDetailsKeepsItsStatusAndCode() {
        CompletionStream stream = stream("""
                data: {"error":{"status":503,"code":"model_provider_unavailable","detail":"The provider went away."}}

                """);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(stream::nextToken)
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("model_provider_unavailable");
                    assertThat(problem.getMessage()).isEqualTo("The provider went away.");
                });
    }

    @Test
    void anOpenAiErrorEventInterruptsTheReplyWithItsMessage() {
        CompletionStream stream = stream("""
                data: {"error":{"message":"The server had an error.","type":"server_error","code":null}}

                """);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(stream::nextToken)
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("model_stream_interrupted");
                    assertThat(problem.getMessage()).contains("The server had an error.");
                });
    }

    @Test
    void joinsTheDataLinesOfOneEvent() {
        CompletionStream stream = stream("""
                data: {"choices":[{"delta":
                data: {"content":"Hi"}}]}

                data: [DONE]

                """);

        assertThat(tokens(stream)).containsExactly("Hi");
    }

    @Test
    void closingClosesTheBodyBeforeTheConnection() {
        List<String> closed = new ArrayList<>();
        InputStream body = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed.add("body");
            }
        };

        new CompletionStream(body, () -> closed.add("connection"), JSON).close();

        assertThat(closed).containsExactly("body", "connection");
    }

    private static List<String> tokens(CompletionStream stream) {
        List<String> tokens = new ArrayList<>();
        for (String token = stream.nextToken(); token != null; token = stream.nextToken()) {
            tokens.add(token);
        }
        return tokens;
    }

    private static CompletionStream stream(String events) {
        InputStream body = new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8));
        return new CompletionStream(body, body::close, JSON);
    }
}
