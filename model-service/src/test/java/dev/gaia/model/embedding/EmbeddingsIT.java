package dev.gaia.model.embedding;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.gaia.model.HttpAnswers.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/embeddings} through HTTP: the in-process model by default, a provider's model when
 * configured, never vectors of one model under another's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class EmbeddingsIT {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.shared();
    private static final String TOKEN = TestTokens.shared().player(UUID.randomUUID());
    private static final FakeEmbeddingsProvider upstream = FakeEmbeddingsProvider.start();

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Nested
    class InProcess {

        @LocalServerPort
        int port;

        @Test
        void answersInOpenAisWireFormatNamingModelAndDimension() throws Exception {
            HttpResponse<String> response = post(port, "{\"input\":\"Where did Elena hide the key?\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            assertThat(body.path("object").stringValue()).isEqualTo("list");
            assertThat(body.path("model").stringValue()).isEqualTo("onnx/bge-small-en-v1.5-int8-fused");
            assertThat(body.path("dimensions").intValue()).isEqualTo(384);
            assertThat(body.at("/data/0/object").stringValue()).isEqualTo("embedding");
            assertThat(body.at("/data/0/index").intValue()).isZero();
            assertThat(body.at("/data/0/embedding").size()).isEqualTo(384);
            assertThat(body.at("/usage/prompt_tokens").intValue()).isPositive();
            assertThat(body.at("/usage/total_tokens").intValue()).isEqualTo(body.at("/usage/prompt_tokens").intValue());
        }

        @Test
        void answersABatchInInputOrderAndTheRoleMeansTheDefault() throws Exception {
            JsonNode body = json.readTree(post(port, """
                    {"model":"embedding","input":["The mill burned down.","A quiet night.","The mill burned down."]}
                    """).body());

            assertThat(body.path("model").stringValue()).isEqualTo("onnx/bge-small-en-v1.5-int8-fused");
            assertThat(body.path("data").valueStream().map(item -> item.path("index").intValue()))
                    .containsExactly(0, 1, 2);
            assertThat(body.at("/data/2/embedding")).isEqualTo(body.at("/data/0/embedding"));
            assertThat(body.at("/data/1/embedding")).isNotEqualTo(body.at("/data/0/embedding"));
        }

        @Test
        void refusesTooManyOrTooLongInputsAsProblems() throws Exception {
            List<String> tooMany = IntStream.range(0, 257).mapToObj(i -> "line " + i).toList();
            JsonNode many = problemOf(post(port, json.writeValueAsString(
                    json.createObjectNode().set("input", json.valueToTree(tooMany)))), 400);
            JsonNode longOne = problemOf(post(port, "{\"input\":[\"ok\",\"" + "x".repeat(8193) + "\"]}"), 400);

            assertThat(many.path("code").stringValue()).isEqualTo("validation_failed");
            assertThat(many.at("/errors/0/field").stringValue()).isEqualTo("input");
            assertThat(longOne.at("/errors/0/field").stringValue()).isEqualTo("input[1]");
            assertThat(longOne.at("/errors/0/message").stringValue()).contains("8192");
        }

        @Test
        void refusesAnUnknownModelAsAProblem() throws Exception {
            JsonNode problem = problemOf(post(port, "{\"model\":\"onnx/nomic-embed\",\"input\":\"hi\"}"), 400);

            assertThat(problem.path("code").stringValue()).isEqualTo("embedding_model_unknown");
        }

        @Test
        void refusesAModelNameLongerThanAnyModelsAsAProblem() throws Exception {
            JsonNode problem = problemOf(post(port, "{\"model\":\"openai/" + "m".repeat(300) + "\",\"input\":\"hi\"}"),
                    400);

            assertThat(problem.path("code").stringValue()).isEqualTo("validation_failed");
            assertThat(problem.at("/errors/0/field").stringValue()).isEqualTo("model");
        }

        @Test
        void requiresAToken() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/v1/embeddings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"input\":\"hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(problemOf(response, 401).path("code").stringValue()).isEqualTo("unauthorized");
        }

        @Test
        void listsTheBundledModelsWithTheirDimensionWithoutAProvider() throws Exception {
            JsonNode models = json.readTree(get(port, "/v1/models").body());

            assertThat(models.path("data").valueStream().filter(model -> model.path("id").stringValue()
                    .equals("onnx/bge-small-en-v1.5-int8-fused"))).singleElement().satisfies(model -> {
                        assertThat(model.path("dimensions").intValue()).isEqualTo(384);
                        assertThat(model.path("default_for").stringValue()).isEqualTo("embedding");
                    });
            assertThat(models.path("data").valueStream().filter(model -> model.path("id").stringValue()
                    .equals("onnx/bge-small-en-v1.5"))).singleElement().satisfies(model -> {
                        assertThat(model.path("dimensions").intValue()).isEqualTo(384);
                        assertThat(model.has("default_for")).isFalse();
                    });
        }
    }

    @Nested
    class WithAProvidersModelAsTheDefault {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void provider(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.openai.base-url", () -> upstream.baseUrl().toString());
            registry.add("gaia.model.openai.api-key", () -> "sk-gaia-test");
            registry.add("gaia.model.embedding.model", () -> "openai/fake-embedding");
            registry.add("gaia.model.embedding.dimensions", () -> "8");
        }

        @BeforeEach
        void resetUpstream() {
            upstream.dimensions(8);
            upstream.failNext(0);
        }

        @Test
        void retriesTheProviderWhenItIsBrieflyUnavailable() throws Exception {
            upstream.failNext(1);
            int before = upstream.embeddingRequests();

            HttpResponse<String> response = post(port, "{\"input\":\"a text the provider first refused\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(upstream.embeddingRequests() - before).as("the refused call and its retry").isEqualTo(2);
        }

        @Test
        void relaysToTheProvidersEmbeddingsAndNamesItsModel() throws Exception {
            JsonNode body = json.readTree(post(port, "{\"model\":\"embedding\",\"input\":[\"a\",\"b\"]}").body());

            assertThat(body.path("model").stringValue()).isEqualTo("openai/fake-embedding");
            assertThat(body.path("dimensions").intValue()).isEqualTo(8);
            assertThat(body.path("data").valueStream().map(item -> item.path("embedding").size()))
                    .containsExactly(8, 8);
            assertThat(upstream.lastRequest().path("model").stringValue()).isEqualTo("fake-embedding");
            assertThat(upstream.lastRequest().path("input").valueStream().map(JsonNode::stringValue))
                    .containsExactly("a", "b");
            assertThat(upstream.lastAuthorization()).isEqualTo("Bearer sk-gaia-test");
        }

        @Test
        void answersANamedInProcessModelAsThatModelNotTheDefault() throws Exception {
            JsonNode body = json.readTree(post(port, "{\"model\":\"onnx/bge-small-en-v1.5\",\"input\":\"a\"}").body());

            assertThat(body.path("model").stringValue()).isEqualTo("onnx/bge-small-en-v1.5");
            assertThat(body.path("dimensions").intValue()).isEqualTo(384);
        }

        @Test
        void refusesVectorsOfAnotherDimensionThanTheModels() throws Exception {
            upstream.dimensions(5);

            JsonNode problem = problemOf(post(port, "{\"input\":\"a text never embedded before\"}"), 502);

            assertThat(problem.path("code").stringValue()).isEqualTo("embedding_dimensions_mismatch");
        }

        @Test
        void listsTheConfiguredModelWithItsDimension() throws Exception {
            JsonNode models = json.readTree(get(port, "/v1/models").body());

            assertThat(models.path("data").valueStream().filter(model -> model.path("id").stringValue()
                    .equals("openai/fake-embedding"))).singleElement().satisfies(model -> {
                        assertThat(model.path("dimensions").intValue()).isEqualTo(8);
                        assertThat(model.path("default_for").stringValue()).isEqualTo("embedding");
                    });
        }
    }

    private static HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/embeddings"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A provider's {@code /v1/embeddings} in OpenAI's wire format, with vectors of a settable size. */
    static final class FakeEmbeddingsProvider implements AutoCloseable {

        private final HttpServer server;
        private final AtomicInteger dimensions = new AtomicInteger(8);
        private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
        private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private final AtomicInteger embeddingRequests = new AtomicInteger();

        private FakeEmbeddingsProvider(HttpServer server) {
            this.server = server;
        }

        static FakeEmbeddingsProvider start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
                FakeEmbeddingsProvider fake = new FakeEmbeddingsProvider(server);
                server.createContext("/", fake::handle);
                server.start();
                return fake;
            }
            catch (IOException ex) {
                throw new IllegalStateException("Could not start the fake embeddings provider", ex);
            }
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        }

        void dimensions(int size) {
            dimensions.set(size);
        }

        /** Answers the next {@code count} embedding requests with 503, as an overloaded provider does. */
        void failNext(int count) {
            failuresLeft.set(count);
        }

        int embeddingRequests() {
            return embeddingRequests.get();
        }

        JsonNode lastRequest() {
            return lastRequest.get();
        }

        String lastAuthorization() {
            return lastAuthorization.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                ObjectNode answer = json.createObjectNode().put("object", "list");
                if (path.equals("/v1/embeddings") && failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    embeddingRequests.incrementAndGet();
                    byte[] error = "{\"error\":{\"message\":\"The engine is currently overloaded.\",\"type\":\"server_error\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(503, error.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(error);
                    }
                    return;
                }
                if (path.equals("/v1/embeddings")) {
                    embeddingRequests.incrementAndGet();
                    JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
                    lastRequest.set(request);
                    lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                    ArrayNode data = answer.putArray("data");
                    int index = 0;
                    for (JsonNode input : request.path("input")) {
                        ArrayNode vector = data.addObject().put("object", "embedding").put("index", index++)
                                .putArray("embedding");
                        for (int i = 0; i < dimensions.get(); i++) {
                            vector.add((input.stringValue().hashCode() % 97 + i) / 100.0f);
                        }
                    }
                    answer.put("model", request.path("model").stringValue());
                    answer.putObject("usage").put("prompt_tokens", index).put("total_tokens", index);
                }
                else {
                    answer.putArray("data").addObject().put("id", "fake-chat-model").put("object", "model")
                            .put("created", 1_700_000_000L).put("owned_by", "gaia-fake");
                }
                byte[] bytes = json.writeValueAsBytes(answer);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
