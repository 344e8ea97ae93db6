package dev.gaia.model.completion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.gaia.shared.test.FakeOpenAiServer;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.gaia.model.HttpAnswers.dataOf;
import static dev.gaia.model.HttpAnswers.problemOf;
import static dev.gaia.model.HttpAnswers.reader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * model-service relaying OpenAI chat completions to a fake OpenAI-compatible provider that
 * speaks the real wire format, and failing as problems where the provider fails or is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class ChatCompletionsIT {

    private static final FakeOpenAiServer upstream = FakeOpenAiServer.start();
    /** A second OpenAI-compatible server, configured as {@code gaia.model.servers.groq}. */
    private static final FakeOpenAiServer groq = FakeOpenAiServer.start();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.shared();
    private static final String TOKEN = TestTokens.shared().player(UUID.randomUUID());

    private static final String CHAT = """
            {"model":"%s","stream":%s,"messages":[{"role":"system","content":"You are Elena."},
             {"role":"user","content":"Hello there"}]}""";

    /** The ids {@code GET /v1/models} lists, in order; it must answer 200. */
    private static List<String> listedModelIds(int port) throws Exception {
        HttpResponse<String> response = http.send(authorized(port, "/v1/models").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).path("data").valueStream().map(model -> model.path("id").stringValue())
                .toList();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
        groq.close();
    }

    @Nested
    class WithAProvider {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void provider(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.openai.base-url", () -> upstream.baseUrl().toString());
            registry.add("gaia.model.openai.api-key", () -> "sk-gaia-test");
            registry.add("gaia.model.openai.chat-model", () -> "fake-chat-model");
            registry.add("gaia.model.servers.groq.base-url", () -> groq.baseUrl().toString());
            registry.add("gaia.model.servers.groq.api-key", () -> "gsk-gaia-test");
        }

        @BeforeEach
        void resetUpstream() {
            upstream.reset();
            groq.reset();
        }

        @Test
        void answersAModelOfAnotherOpenAiCompatibleServerByItsName() throws Exception {
            groq.reply("Fast", " answer");

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted("groq/llama-3.1-8b-instant",
                    true)), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("Fast").endsWith("data: [DONE]\n\n");
            assertThat(groq.lastRequest().authorization()).isEqualTo("Bearer gsk-gaia-test");
            assertThat(groq.lastRequest().json().path("model").stringValue()).isEqualTo("llama-3.1-8b-instant");
            assertThat(upstream.requests()).isEmpty();
        }

        @Test
        void streamsEveryChunkInOrderAndEndsWithDone() throws Exception {
            List<String> tokens = List.of("The", " tide", " is", " turning", ".");
            upstream.reply(tokens).delayBetweenTokens(Duration.ofMillis(5));

            HttpResponse<InputStream> response = http.send(completions(port, CHAT.formatted("chat", true)),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            List<String> data = dataOf(response.body());
            assertThat(data).last().isEqualTo("[DONE]");
            List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(json::readTree).toList();
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.path("object").stringValue())
                    .isEqualTo("chat.completion.chunk"));
            assertThat(chunks).extracting(chunk -> chunk.at("/choices/0/delta/content"))
                    .filteredOn(content -> content.isString() && !content.stringValue().isEmpty())
                    .extracting(JsonNode::stringValue)
                    .containsExactlyElementsOf(tokens);
            assertThat(chunks.getLast().at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
        }

        @Test
        void sendsTheConfiguredModelAndKeyUpstreamNeverTheCallersToken() throws Exception {
            http.send(completions(port, CHAT.formatted("chat", false)), HttpResponse.BodyHandlers.ofString());

            FakeOpenAiServer.RecordedRequest forwarded = upstream.lastRequest();
            assertThat(forwarded.path()).isEqualTo("/v1/chat/completions");
            assertThat(forwarded.authorization()).isEqualTo("Bearer sk-gaia-test");
            assertThat(forwarded.json().path("model").stringValue()).isEqualTo("fake-chat-model");
            assertThat(forwarded.json().at("/messages/1/content").stringValue()).isEqualTo("Hello there");
        }

        @Test
        void forwardsANamedModelAndTheFieldsItDoesNotKnow() throws Exception {
            String request = """
                    {"model":"gpt-4o","temperature":0.2,"max_tokens":50,"seed":7,"response_format":{"type":"text"},
                     "messages":[{"role":"user","content":"Hi"}]}""";

            http.send(completions(port, request), HttpResponse.BodyHandlers.ofString());

            JsonNode forwarded = upstream.lastRequest().json();
            assertThat(forwarded.path("model").stringValue()).isEqualTo("gpt-4o");
            assertThat(forwarded.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(forwarded.path("max_tokens").asInt()).isEqualTo(50);
            assertThat(forwarded.path("seed").asInt()).isEqualTo(7);
            assertThat(forwarded.at("/response_format/type").stringValue()).isEqualTo("text");
            assertThat(forwarded.has("stream")).isFalse();
        }

        @Test
        void answersWholeWhenNotStreaming() throws Exception {
            upstream.reply("Good", " morning", "!");

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted("chat", false)),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode completion = json.readTree(response.body());
            assertThat(completion.path("object").stringValue()).isEqualTo("chat.completion");
            assertThat(completion.at("/choices/0/message/content").stringValue()).isEqualTo("Good morning!");
            assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        }

        @Test
        void cancelsTheUpstreamRequestWhenTheClientGoesAway() throws Exception {
            // Far longer than the test's client and model-service take to close a cancelled connection.
            upstream.reply(Collections.nCopies(1_000, " wave")).delayBetweenTokens(Duration.ofMillis(20));

            HttpResponse<InputStream> response = http.send(completions(port, CHAT.formatted("chat", true)),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader events = reader(response.body())) {
                String line;
                do {
                    line = events.readLine();
                }
                while (line != null && !line.contains("wave"));
                assertThat(line).as("a token arrived before the answer was complete").isNotNull();
            }

            assertThat(upstream.awaitClientDisconnects(1, Duration.ofSeconds(15)))
                    .as("the provider saw its stream closed").isTrue();
        }

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void answersRefusedCredentialsAsBadGateway(boolean stream) throws Exception {
            upstream.failWith(401);

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted("chat", stream)),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 502);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_auth_failed");
            assertThat(problem.path("detail").stringValue()).contains("GAIA_OPENAI_API_KEY");
        }

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void passesRateLimitingOnWithRetryAfter(boolean stream) throws Exception {
            upstream.failWith(429, Duration.ofSeconds(7));

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted("chat", stream)),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 429);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_rate_limited");
            assertThat(problem.path("type").stringValue())
                    .isEqualTo("https://gaia.dev/problems/model_provider_rate_limited");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        }

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void answersAProviderFailureAsBadGateway(boolean stream) throws Exception {
            upstream.failWith(500);

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted("chat", stream)),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 502);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_error");
            assertThat(problem.path("detail").stringValue()).contains("HTTP 500");
        }

        @Test
        void answersAnInvalidRequestWithFieldErrorsAndNeverCallsTheProvider() throws Exception {
            HttpResponse<String> response = http.send(completions(port, "{\"messages\":[],\"temperature\":9}"),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 400);
            assertThat(problem.path("errors").valueStream().map(error -> error.path("field").stringValue()))
                    .containsExactlyInAnyOrder("messages", "temperature");
            assertThat(upstream.requests()).isEmpty();
        }

        @Test
        void listsTheProvidersModels() throws Exception {
            upstream.models("fake-chat-model", "fake-summary-model");

            assertThat(listedModelIds(port))
                    .containsExactly("fake-chat-model", "fake-summary-model", "onnx/bge-small-en-v1.5-int8-fused",
                            "onnx/bge-small-en-v1.5");
        }

        @Test
        void listsTheEmbeddingModelsWhenTheProviderCannotListItsOwn() throws Exception {
            upstream.failWith(400);

            assertThat(listedModelIds(port))
                    .containsExactly("onnx/bge-small-en-v1.5-int8-fused", "onnx/bge-small-en-v1.5");
        }

        @Test
        void requiresAToken() throws Exception {
            HttpRequest anonymous = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted("chat", true))).build();

            HttpResponse<String> response = http.send(anonymous, HttpResponse.BodyHandlers.ofString());

            assertThat(problemOf(response, 401).path("code").stringValue()).isEqualTo("unauthorized");
            assertThat(upstream.requests()).isEmpty();
        }
    }

    @Nested
    class WithoutAProvider {

        @LocalServerPort
        int port;

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void explainsHowToConfigureOne(boolean stream) throws Exception {
            HttpResponse<String> response = http.send(completions(port, CHAT.formatted("chat", stream)),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 503);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_not_configured");
            assertThat(problem.path("detail").stringValue()).contains("GAIA_OPENAI_BASE_URL", "GAIA_OPENAI_API_KEY",
                    "GAIA_CHAT_MODEL", "./gaia down && ./gaia up");
        }

        @Test
        void listsOnlyTheInProcessEmbeddingModels() throws Exception {
            assertThat(listedModelIds(port))
                    .containsExactly("onnx/bge-small-en-v1.5-int8-fused", "onnx/bge-small-en-v1.5");
        }

        @Test
        void isStillReady() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class WithAnUnreachableProvider {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void provider(DynamicPropertyRegistry registry) throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            registry.add("gaia.model.openai.base-url", () -> "http://127.0.0.1:" + closedPort + "/v1");
            registry.add("gaia.model.openai.chat-model", () -> "fake-chat-model");
        }

        @Test
        void answersServiceUnavailable() throws Exception {
            HttpResponse<String> response = http.send(completions(port, CHAT.formatted("chat", true)),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(problemOf(response, 503).path("code").stringValue()).isEqualTo("model_provider_unavailable");
        }
    }

    private static HttpRequest completions(int port, String body) {
        return authorized(port, "/v1/chat/completions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest.Builder authorized(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN);
    }
}
