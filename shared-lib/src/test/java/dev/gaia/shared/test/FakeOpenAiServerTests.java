package dev.gaia.shared.test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FakeOpenAiServerTests {

    private static final String CHAT_REQUEST = """
            {"model":"gpt-4o-mini","stream":%s,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"Say hello to me"}]}""";

    /** Role chunk, the default reply's tokens, the finish chunk and [DONE]. */
    private static final int DEFAULT_CHUNKS_WITHOUT_USAGE = FakeOpenAiServer.DEFAULT_REPLY.size() + 3;

    private final FakeOpenAiServer upstream = FakeOpenAiServer.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.shared();

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void streamsOneChunkPerTokenInTheOpenAiWireFormat() throws Exception {
        upstream.reply("Hi", " there", "!");

        HttpResponse<InputStream> response = http.send(chatRequest(true), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = dataLines(response.body());
        assertThat(data).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(json::readTree).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").stringValue()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("model").stringValue()).isEqualTo("gpt-4o-mini");
            assertThat(chunk.path("id").stringValue()).isEqualTo(chunks.getFirst().path("id").stringValue());
        });
        assertThat(chunks.getFirst().at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
        assertThat(chunks.subList(1, 4)).extracting(chunk -> chunk.at("/choices/0/delta/content").stringValue())
                .containsExactly("Hi", " there", "!");
        assertThat(chunks.get(4).at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
        JsonNode usageChunk = chunks.get(5);
        assertThat(usageChunk.path("choices").isEmpty()).isTrue();
        assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        assertThat(usageChunk.at("/usage/prompt_tokens").asInt()).isEqualTo(4);
        assertThat(upstream.clientDisconnects()).isZero();
    }

    @Test
    void leavesOutTheUsageChunkUnlessAskedFor() throws Exception {
        String body = """
                {"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

        List<String> data = dataLines(http.send(post("/chat/completions", body),
                HttpResponse.BodyHandlers.ofInputStream()).body());

        assertThat(data).hasSize(DEFAULT_CHUNKS_WITHOUT_USAGE);
        assertThat(data).noneMatch(line -> line.contains("\"usage\""));
    }

    @Test
    void answersOneCompletionWithUsageWhenNotStreaming() throws Exception {
        upstream.reply("Good", " day");

        HttpResponse<String> response = http.send(chatRequest(false), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = json.readTree(response.body());
        assertThat(completion.path("object").stringValue()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message/role").stringValue()).isEqualTo("assistant");
        assertThat(completion.at("/choices/0/message/content").stringValue()).isEqualTo("Good day");
        assertThat(completion.at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
        assertThat(completion.at("/usage/total_tokens").asInt()).isEqualTo(6);
    }

    @Test
    void answersTheConfiguredErrorInOpenAiShape() throws Exception {
        upstream.failWith(429, Duration.ofSeconds(7));

        HttpResponse<String> response = http.send(chatRequest(true), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        JsonNode error = json.readTree(response.body()).path("error");
        assertThat(error.path("code").stringValue()).isEqualTo("rate_limit_exceeded");
        assertThat(error.path("type").stringValue()).isEqualTo("requests");
        assertThat(error.path("message").stringValue()).isNotBlank();
    }

    @Test
    void answersInvalidApiKeyFor401() throws Exception {
        upstream.failWith(401);

        HttpResponse<String> response = http.send(chatRequest(false), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).at("/error/code").stringValue()).isEqualTo("invalid_api_key");
    }

    @Test
    void listsTheConfiguredModels() throws Exception {
        upstream.models("llama3.2", "qwen2.5");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/models")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode list = json.readTree(response.body());
        assertThat(list.path("object").stringValue()).isEqualTo("list");
        assertThat(list.path("data").valueStream().map(model -> model.path("id").stringValue()))
                .containsExactly("llama3.2", "qwen2.5");
    }

    @Test
    void recordsBodyAndAuthorizationOfEveryRequest() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/chat/completions"))
                .header("Authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT_REQUEST.formatted(false))).build();

        http.send(request, HttpResponse.BodyHandlers.discarding());

        FakeOpenAiServer.RecordedRequest recorded = upstream.lastRequest();
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.authorization()).isEqualTo("Bearer sk-test");
        assertThat(recorded.json().at("/messages/0/content").stringValue()).isEqualTo("Say hello to me");
    }

    @Test
    void rejectsABodyThatIsNotJson() throws Exception {
        HttpResponse<String> response = http.send(post("/chat/completions", "{not json"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).at("/error/type").stringValue()).isEqualTo("invalid_request_error");
    }

    @Test
    void countsAStreamTheClientClosedMidway() throws Exception {
        // Long enough to outlast the JDK client, which closes a cancelled connection's socket only
        // on its selector's next round (up to 3 s); until then the server's writes still succeed.
        upstream.reply(Collections.nCopies(2_000, "la")).delayBetweenTokens(Duration.ofMillis(10));

        HttpResponse<InputStream> response = http.send(chatRequest(true), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = reader(response.body())) {
            reader.readLine();
        }

        assertThat(upstream.awaitClientDisconnects(1, Duration.ofSeconds(15))).isTrue();
        assertThat(upstream.clientDisconnects()).isEqualTo(1);
    }

    @Test
    void waitsTheConfiguredTimeBeforeTheFirstToken() throws Exception {
        upstream.timeToFirstToken(Duration.ofMillis(300));

        long started = System.nanoTime();
        http.send(chatRequest(false), HttpResponse.BodyHandlers.discarding());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void forgetsRequestsAndFailuresOnReset() throws Exception {
        upstream.failWith(500);
        http.send(chatRequest(false), HttpResponse.BodyHandlers.discarding());

        upstream.reset();
        HttpResponse<String> response = http.send(chatRequest(false), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream.requests()).hasSize(1);
    }

    private HttpRequest chatRequest(boolean stream) {
        return post("/chat/completions", CHAT_REQUEST.formatted(stream));
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create(upstream.baseUrl() + path);
    }

    private static List<String> dataLines(InputStream body) throws Exception {
        List<String> data = new ArrayList<>();
        try (BufferedReader reader = reader(body)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    data.add(line.substring("data: ".length()));
                }
                else {
                    assertThat(line).isEmpty();
                }
            }
        }
        return data;
    }

    private static BufferedReader reader(InputStream body) {
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }
}
