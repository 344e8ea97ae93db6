package dev.gaia.model.resilience;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.gaia.shared.test.FakeOpenAiServer;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries, timeouts, circuit breakers and concurrency limits against fake providers that fail,
 * stall and hold streams open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class ResilienceIT {

    private static final FakeOpenAiServer openAi = FakeOpenAiServer.start();
    private static final FakeOpenAiServer ollama = FakeOpenAiServer.start();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.shared();

    private static final String CHAT = """
            {"model":"%s","stream":%s,"messages":[{"role":"user","content":"Hello there"}]}""";

    @AfterAll
    static void stopUpstreams() {
        openAi.close();
        ollama.close();
    }

    @Nested
    class RetriesAndTimeouts {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        @DynamicPropertySource
        static void providers(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.openai.base-url", () -> openAi.baseUrl().toString());
            registry.add("gaia.model.openai.chat-model", () -> "fake-chat-model");
            registry.add("gaia.model.ollama.base-url", () -> ollama.baseUrl().toString());
            registry.add("gaia.model.roles.chat", () -> "ollama/fallback-model");
            registry.add("gaia.model.timeouts.first-token", () -> "2s");
            registry.add("gaia.model.timeouts.idle-between-tokens", () -> "1s");
            registry.add("gaia.model.retries.max-attempts", () -> "2");
            registry.add("gaia.model.retries.backoff", () -> "1s");
        }

        @BeforeEach
        void resetUpstreams() {
            openAi.reset();
            ollama.reset();
        }

        @Test
        void retriesA503AndSucceedsOnTheSecondAttempt() throws Exception {
            openAi.failWith(503);

            CompletableFuture<HttpResponse<String>> response = http.sendAsync(chat(port, "openai/fake-chat-model"),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> openAi.requests().size() == 1);
            openAi.reset();

            HttpResponse<String> answered = response.get(10, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(answered.body()).contains("traveller").endsWith("data: [DONE]\n\n");
            assertThat(openAi.requests()).as("the retry").hasSize(1);
        }

        @Test
        void endsAStreamThatStallsAfterItsFirstTokenWithATimeoutEventAndRecordsTheTimeout() throws Exception {
            openAi.reply("Once", " upon", " a", " time").delayBetweenTokens(Duration.ofSeconds(4));
            UUID game = UUID.randomUUID();

            long start = System.nanoTime();
            HttpResponse<String> response = http.send(chat(port, "openai/fake-chat-model", true, game),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Once").doesNotContain("upon").doesNotContain("[DONE]")
                    .contains("\"code\":\"model_provider_timeout\"");
            assertThat(openAi.awaitClientDisconnects(1, Duration.ofSeconds(5))).as("the upstream was cancelled")
                    .isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
                    "select outcome, error_code from model_call where game_id = :game").param("game", game).query()
                    .listOfRows()).containsExactly(Map.of("outcome", "provider_error", "error_code",
                            "model_provider_timeout")));
        }

        @Test
        void fallsBackWhenTheFirstModelSendsNoTokenInTime() throws Exception {
            openAi.timeToFirstToken(Duration.ofSeconds(6));

            HttpResponse<String> response = http.send(chat(port, "chat"), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("traveller").endsWith("data: [DONE]\n\n");
            assertThat(ollama.lastRequest().json().path("model").stringValue()).isEqualTo("fallback-model");
            assertThat(openAi.requests()).as("a timeout is not retried").hasSize(1);
            assertThat(openAi.awaitClientDisconnects(1, Duration.ofSeconds(5))).isTrue();
        }

        @Test
        void answersATimeoutWhenAModelNamedOnItsOwnSendsNoTokenInTime() throws Exception {
            openAi.timeToFirstToken(Duration.ofSeconds(6));

            HttpResponse<String> response = http.send(chat(port, "openai/fake-chat-model"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
            assertThat(json.readTree(response.body()).path("code").stringValue()).isEqualTo("model_provider_timeout");
        }
    }

    /** Answers that are not streamed, each bounded as a whole; upstreams of their own. */
    @Nested
    class WholeAnswers {

        private static final FakeOpenAiServer slow = FakeOpenAiServer.start();
        private static final FakeOpenAiServer fallback = FakeOpenAiServer.start();

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void providers(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.openai.base-url", () -> slow.baseUrl().toString());
            registry.add("gaia.model.openai.chat-model", () -> "fake-chat-model");
            registry.add("gaia.model.ollama.base-url", () -> fallback.baseUrl().toString());
            registry.add("gaia.model.roles.chat", () -> "ollama/fallback-model");
            registry.add("gaia.model.timeouts.whole-answer", () -> "2s");
        }

        @AfterAll
        static void stopUpstreams() {
            slow.close();
            fallback.close();
        }

        @Test
        void answersATimeoutWhenAWholeAnswerTakesTooLongAndFallsBackForARole() throws Exception {
            slow.timeToFirstToken(Duration.ofSeconds(6));

            HttpResponse<String> named = http.send(chat(port, "openai/fake-chat-model", false),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> role = http.send(chat(port, "chat", false), HttpResponse.BodyHandlers.ofString());

            assertThat(named.statusCode()).as(named.body()).isEqualTo(504);
            assertThat(json.readTree(named.body()).path("detail").stringValue()).contains("whole-answer");
            assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
            assertThat(json.readTree(role.body()).path("model").stringValue()).isEqualTo("fallback-model");
        }
    }

    @Nested
    class LimitsAndCircuits {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void providers(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.openai.base-url", () -> openAi.baseUrl().toString());
            registry.add("gaia.model.openai.chat-model", () -> "fake-chat-model");
            registry.add("gaia.model.ollama.base-url", () -> ollama.baseUrl().toString());
            registry.add("gaia.model.retries.max-attempts", () -> "1");
            registry.add("gaia.model.providers.openai.max-concurrent", () -> "2");
            registry.add("gaia.model.providers.openai.max-queued", () -> "1");
            registry.add("gaia.model.providers.openai.max-queue-wait", () -> "300ms");
            registry.add("gaia.model.circuit-breaker.sliding-window-size", () -> "3");
            registry.add("gaia.model.circuit-breaker.minimum-number-of-calls", () -> "3");
            registry.add("gaia.model.circuit-breaker.wait-in-open-state", () -> "10m");
        }

        @BeforeEach
        void resetUpstreams() {
            openAi.reset();
            ollama.reset();
        }

        @Test
        void answers429WithRetryAfterWhenTheProvidersCallsAndQueueAreFull() throws Exception {
            openAi.reply("a", "b", "c", "d", "e", "f").delayBetweenTokens(Duration.ofMillis(500));
            HttpResponse<InputStream> first = http.send(chat(port, "openai/fake-chat-model"),
                    HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> second = http.send(chat(port, "openai/fake-chat-model"),
                    HttpResponse.BodyHandlers.ofInputStream());

            HttpResponse<String> refused = http.send(chat(port, "openai/fake-chat-model"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(json.readTree(refused.body()).path("code").stringValue()).isEqualTo("model_concurrency_limit");
            assertThat(openAi.requests()).as("the refused call never reached the provider").hasSize(2);
            first.body().close();
            second.body().close();
            assertThat(openAi.awaitClientDisconnects(2, Duration.ofSeconds(5))).isTrue();
            openAi.reset();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(http.send(
                    chat(port, "openai/fake-chat-model"), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("the permits came back").isEqualTo(200));
        }

        @Test
        void opensTheCircuitAfterRepeatedFailuresAndFailsFastWithoutCallingTheProvider() throws Exception {
            ollama.failWith(500);
            for (int i = 0; i < 3; i++) {
                assertThat(http.send(chat(port, "ollama/llama3.2"), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(502);
            }

            HttpResponse<String> response = http.send(chat(port, "ollama/llama3.2"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(json.readTree(response.body()).path("code").stringValue())
                    .isEqualTo("model_provider_circuit_open");
            assertThat(ollama.requests()).hasSize(3);
        }
    }

    private static HttpRequest chat(int port, String model) {
        return chat(port, model, true);
    }

    private static HttpRequest chat(int port, String model, boolean stream) {
        return chat(port, model, stream, UUID.randomUUID());
    }

    private static HttpRequest chat(int port, String model, boolean stream, UUID game) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestTokens.shared().player(game))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted(model, stream))).build();
    }
}
