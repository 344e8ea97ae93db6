package dev.gaia.model.provider.anthropic;

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

import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * model-service answering OpenAI chat completions for {@code anthropic/<model>} through a fake
 * Anthropic server speaking the Messages API's real wire format, both ways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class AnthropicProviderIT {

    private static final FakeAnthropicServer anthropic = FakeAnthropicServer.start();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.shared();
    private static final String TOKEN = TestTokens.shared().player(UUID.randomUUID());

    private static final String CHAT = """
            {"model":"anthropic/claude-fake-1","stream":%s,"stream_options":%s,
             "messages":[{"role":"system","content":"You are Elena."},{"role":"user","content":"Hello there"}]}""";

    @AfterAll
    static void stopAnthropic() {
        anthropic.close();
    }

    @Nested
    class WithAnthropic {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void provider(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.anthropic.api-key", () -> "sk-ant-gaia-test");
            registry.add("gaia.model.anthropic.base-url", () -> anthropic.baseUrl().toString());
            registry.add("gaia.model.anthropic.default-max-tokens", () -> "1000");
        }

        @BeforeEach
        void resetAnthropic() {
            anthropic.reset();
        }

        @Test
        void streamsTextAsOpenAiChunksWithUsageEndingWithDone() throws Exception {
            List<String> tokens = List.of("The", " tide", " is", " turning", ".");
            anthropic.reply(tokens.toArray(String[]::new)).delayBetweenTokens(Duration.ofMillis(5));

            HttpResponse<InputStream> response = http.send(
                    completions(port, CHAT.formatted(true, "{\"include_usage\":true}")),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            List<String> data = dataOf(response.body());
            assertThat(data).last().isEqualTo("[DONE]");
            List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(json::readTree).toList();
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.path("object").stringValue())
                    .isEqualTo("chat.completion.chunk"));
            assertThat(chunks.getFirst().at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
            assertThat(chunks).extracting(chunk -> chunk.at("/choices/0/delta/content"))
                    .filteredOn(content -> content.isString() && !content.stringValue().isEmpty())
                    .extracting(JsonNode::stringValue)
                    .containsExactlyElementsOf(tokens);
            assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
            assertThat(chunks.getLast().path("usage")).isEqualTo(json.readTree(
                    "{\"prompt_tokens\":21,\"completion_tokens\":5,\"total_tokens\":26}"));
        }

        @Test
        void streamsAToolCall() throws Exception {
            anthropic.replyWithToolCall(List.of("Let me look."), "toolu_01A", "get_weather",
                    List.of("", "{\"city\":", " \"Paris\"}"));
            String request = """
                    {"model":"anthropic/claude-fake-1","stream":true,
                     "tools":[{"type":"function","function":{"name":"get_weather",
                               "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                     "messages":[{"role":"user","content":"Weather in Paris?"}]}""";

            HttpResponse<InputStream> response = http.send(completions(port, request),
                    HttpResponse.BodyHandlers.ofInputStream());

            List<String> data = dataOf(response.body());
            assertThat(data).last().isEqualTo("[DONE]");
            List<JsonNode> calls = data.subList(0, data.size() - 1).stream().map(json::readTree)
                    .map(chunk -> chunk.at("/choices/0/delta/tool_calls/0")).filter(JsonNode::isObject).toList();
            assertThat(calls.getFirst().path("id").stringValue()).isEqualTo("toolu_01A");
            assertThat(calls.getFirst().at("/function/name").stringValue()).isEqualTo("get_weather");
            assertThat(calls).allSatisfy(call -> assertThat(call.path("index").asInt()).isZero());
            String arguments = String.join("", calls.stream()
                    .map(call -> call.at("/function/arguments").stringValue("")).toList());
            assertThat(json.readTree(arguments)).isEqualTo(json.readTree("{\"city\":\"Paris\"}"));
            JsonNode last = json.readTree(data.get(data.size() - 2));
            assertThat(last.at("/choices/0/finish_reason").stringValue()).isEqualTo("tool_calls");
            assertThat(anthropic.lastRequest().json().at("/tools/0/input_schema/properties/city/type").stringValue())
                    .isEqualTo("string");
        }

        @Test
        void answersWholeWhenNotStreaming() throws Exception {
            anthropic.reply("Good", " morning", "!");

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted(false, "null")),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode completion = json.readTree(response.body());
            assertThat(completion.path("object").stringValue()).isEqualTo("chat.completion");
            assertThat(completion.at("/choices/0/message/role").stringValue()).isEqualTo("assistant");
            assertThat(completion.at("/choices/0/message/content").stringValue()).isEqualTo("Good morning!");
            assertThat(completion.at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
            assertThat(completion.path("usage")).isEqualTo(json.readTree(
                    "{\"prompt_tokens\":21,\"completion_tokens\":3,\"total_tokens\":24}"));
        }

        @ParameterizedTest(name = "stop_reason {0} → finish_reason {1}")
        @CsvSource({ "end_turn, stop", "stop_sequence, stop", "max_tokens, length" })
        void reportsAnthropicsStopReasonAsOpenAisFinishReason(String stopReason, String finishReason)
                throws Exception {
            anthropic.reply("Once", " upon").stopReason(stopReason);

            HttpResponse<String> whole = http.send(completions(port, CHAT.formatted(false, "null")),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<InputStream> streamed = http.send(completions(port, CHAT.formatted(true, "null")),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(json.readTree(whole.body()).at("/choices/0/finish_reason").stringValue())
                    .isEqualTo(finishReason);
            List<String> data = dataOf(streamed.body());
            assertThat(json.readTree(data.get(data.size() - 2)).at("/choices/0/finish_reason").stringValue())
                    .isEqualTo(finishReason);
        }

        @Test
        void sendsTheSystemPromptAtTheTopWithTheKeyVersionAndDefaultMaxTokens() throws Exception {
            http.send(completions(port, CHAT.formatted(false, "null")), HttpResponse.BodyHandlers.ofString());

            FakeAnthropicServer.RecordedRequest forwarded = anthropic.lastRequest();
            assertThat(forwarded.path()).isEqualTo("/v1/messages");
            assertThat(forwarded.apiKey()).isEqualTo("sk-ant-gaia-test");
            assertThat(forwarded.version()).isEqualTo("2023-06-01");
            JsonNode body = forwarded.json();
            assertThat(body.path("model").stringValue()).isEqualTo("claude-fake-1");
            assertThat(body.path("system").stringValue()).isEqualTo("You are Elena.");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(1000);
            assertThat(body.path("messages")).hasSize(1);
            assertThat(body.at("/messages/0/role").stringValue()).isEqualTo("user");
            assertThat(body.at("/messages/0/content/0/text").stringValue()).isEqualTo("Hello there");
        }

        @Test
        void sendsTheCallersSamplingAndStopSequences() throws Exception {
            String request = """
                    {"model":"anthropic/claude-fake-1","max_tokens":64,"temperature":0.2,"top_p":0.8,
                     "stop":["\\n\\nPlayer:"],"messages":[{"role":"user","content":"Hi"}]}""";

            http.send(completions(port, request), HttpResponse.BodyHandlers.ofString());

            JsonNode body = anthropic.lastRequest().json();
            assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(body.path("top_p").asDouble()).isEqualTo(0.8);
            assertThat(body.at("/stop_sequences/0").stringValue()).isEqualTo("\n\nPlayer:");
            assertThat(body.has("stream")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void answersRefusedCredentialsAsBadGatewayNamingTheAnthropicKey(boolean stream) throws Exception {
            anthropic.failWith(401, null);

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted(stream, "null")),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 502);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_auth_failed");
            assertThat(problem.path("detail").stringValue()).contains("GAIA_ANTHROPIC_API_KEY")
                    .doesNotContain("sk-ant-gaia-test");
        }

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void passesRateLimitingOnWithRetryAfter(boolean stream) throws Exception {
            anthropic.failWith(429, Duration.ofSeconds(7));

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted(stream, "null")),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 429);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_rate_limited");
            assertThat(problem.path("detail").stringValue()).contains("per-minute rate limit");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        }

        @ParameterizedTest(name = "HTTP {0}, stream {1}")
        @CsvSource({ "500, true", "500, false", "529, true", "529, false" })
        void answersAServerErrorOrOverloadAsBadGateway(int status, boolean stream) throws Exception {
            anthropic.failWith(status, null);

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted(stream, "null")),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 502);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_error");
            assertThat(problem.path("detail").stringValue()).contains("HTTP " + status);
        }

        @Test
        void retriesAnOverloadThatCameBeforeTheFirstToken() throws Exception {
            anthropic.reply("The", " tide").errorBeforeFirstToken(1);

            HttpResponse<InputStream> response = http.send(completions(port, CHAT.formatted(true, "null")),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            List<String> data = dataOf(response.body());
            assertThat(data).last().isEqualTo("[DONE]");
            assertThat(data).noneMatch(event -> event.contains("\"error\""));
            assertThat(anthropic.requests()).hasSize(2);
        }

        @Test
        void answersAnOverloadBeforeTheFirstTokenAsBadGatewayOnceRetriesAreSpent() throws Exception {
            anthropic.errorBeforeFirstToken(10);

            HttpResponse<String> response = http.send(completions(port, CHAT.formatted(true, "null")),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 502);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_error");
            assertThat(problem.path("detail").stringValue()).contains("HTTP 529", "Overloaded");
        }

        @Test
        void endsTheStreamWithAnErrorEventAndNoDoneWhenAnthropicFailsMidAnswer() throws Exception {
            anthropic.reply("Once", " upon").errorMidStream();

            HttpResponse<InputStream> response = http.send(completions(port, CHAT.formatted(true, "null")),
                    HttpResponse.BodyHandlers.ofInputStream());

            List<String> data = dataOf(response.body());
            assertThat(data).doesNotContain("[DONE]");
            assertThat(json.readTree(data.getLast()).at("/error/message").stringValue()).contains("Overloaded");
            assertThat(json.readTree(data.get(1)).at("/choices/0/delta/content").stringValue()).isEqualTo("Once");
        }

        @Test
        void answersAModelWithoutAProviderPrefixWithTheOpenAiCompatibleProviderNotAnthropic() throws Exception {
            HttpResponse<String> response = http.send(completions(port, """
                    {"model":"claude-fake-1","messages":[{"role":"user","content":"Hi"}]}"""),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(problemOf(response, 503).path("code").stringValue()).isEqualTo("model_provider_not_configured");
            assertThat(anthropic.requests()).isEmpty();
        }

        @Test
        void cancelsTheUpstreamRequestWhenTheClientGoesAway() throws Exception {
            // Far longer than the test's client and model-service take to close a cancelled connection.
            anthropic.reply(Collections.nCopies(1_000, " wave").toArray(String[]::new))
                    .delayBetweenTokens(Duration.ofMillis(20));

            HttpResponse<InputStream> response = http.send(completions(port, CHAT.formatted(true, "null")),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader events = reader(response.body())) {
                String line;
                do {
                    line = events.readLine();
                }
                while (line != null && !line.contains("wave"));
                assertThat(line).as("a token arrived before the answer was complete").isNotNull();
            }

            assertThat(anthropic.awaitClientDisconnects(1, Duration.ofSeconds(15)))
                    .as("Anthropic saw its stream closed").isTrue();
        }
    }

    @Nested
    class WithAnthropicUnreachable {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void provider(DynamicPropertyRegistry registry) throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            registry.add("gaia.model.anthropic.api-key", () -> "sk-ant-gaia-test");
            registry.add("gaia.model.anthropic.base-url", () -> "http://127.0.0.1:" + closedPort);
        }

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void answersServiceUnavailableNamingTheAnthropicBaseUrl(boolean stream) throws Exception {
            HttpResponse<String> response = http.send(completions(port, CHAT.formatted(stream, "null")),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 503);
            assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_unavailable");
            assertThat(problem.path("detail").stringValue()).contains("GAIA_ANTHROPIC_BASE_URL");
        }
    }

    private static HttpRequest completions(int port, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
