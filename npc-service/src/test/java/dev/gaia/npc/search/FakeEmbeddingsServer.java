package dev.gaia.npc.search;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local OpenAI-compatible {@code POST /v1/embeddings} with model-service's answer shape
 * ({@code data[].embedding}, {@code model}, {@code dimensions}, {@code usage}), deterministic: a
 * text's vector is its bag of words hashed into {@value #DIMENSIONS} signed buckets and
 * normalised, so texts that share words are close. It can be told to fail, and to answer as
 * another model.
 */
final class FakeEmbeddingsServer implements AutoCloseable {

    static final int DIMENSIONS = 384;

    static final String DEFAULT_MODEL = "onnx/bge-small-en-v1.5-int8-fused";

    private final HttpServer server;
    private final ExecutorService executor;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<List<String>> inputs = new CopyOnWriteArrayList<>();
    private volatile int failWith;
    private volatile String model = DEFAULT_MODEL;

    private FakeEmbeddingsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeEmbeddingsServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FakeEmbeddingsServer fake = new FakeEmbeddingsServer(server, executor);
            server.setExecutor(executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not start the fake embeddings server", ex);
        }
    }

    /** model-service's base URL convention: without {@code /v1}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every request with this status and an OpenAI error body; 0 to answer normally again. */
    void failWith(int status) {
        this.failWith = status;
    }

    /** Answers as this model from now on. */
    void answerAs(String model) {
        this.model = model;
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Every text embedded so far, in order. */
    List<String> embeddedTexts() {
        return inputs.stream().flatMap(List::stream).toList();
    }

    /** The deterministic vector of a text. */
    static float[] vectorOf(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3) {
                continue;
            }
            int hash = word.hashCode() * 0x9E3779B9;
            vector[Math.floorMod(hash, DIMENSIONS)] += (hash & 0x10000) == 0 ? 1 : -1;
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return vector;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/v1/embeddings")) {
                send(exchange, 404, "{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (failWith != 0) {
                send(exchange, failWith, "{\"error\":{\"message\":\"unavailable\",\"type\":\"server_error\"}}");
                return;
            }
            List<String> texts = new ArrayList<>();
            JsonNode input = request.path("input");
            if (input.isString()) {
                texts.add(input.stringValue());
            }
            else {
                input.forEach(text -> texts.add(text.stringValue()));
            }
            inputs.add(List.copyOf(texts));
            ObjectNode answer = json.createObjectNode().put("object", "list");
            ArrayNode data = answer.putArray("data");
            for (int i = 0; i < texts.size(); i++) {
                ArrayNode embedding = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
                for (float value : vectorOf(texts.get(i))) {
                    embedding.add(value);
                }
            }
            answer.put("model", model).put("dimensions", DIMENSIONS);
            answer.putObject("usage").put("prompt_tokens", texts.size()).put("total_tokens", texts.size());
            send(exchange, 200, json.writeValueAsString(answer));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
