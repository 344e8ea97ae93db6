package dev.gaia.model.provider.ollama;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server speaking Ollama's API as documented: {@code GET /api/tags} lists the local
 * models, {@code POST /api/pull} answers {@code application/x-ndjson} progress objects
 * ({@code {status, digest, total, completed}}, then {@code {"status":"success"}}, or an
 * {@code {"error":...}} line for a model the registry does not have), and the OpenAI-compatible
 * {@code POST /v1/chat/completions} answers a whole {@code chat.completion}.
 *
 * <p>A pull writes its first progress line, then holds the rest back until
 * {@link #releasePull()}, so a test can see the first line arrive while the pull goes on.
 */
final class FakeOllamaServer implements AutoCloseable {

    static final String DIGEST = "sha256:dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff";
    static final long TOTAL = 2_019_377_376L;

    private final HttpServer server;
    private final ExecutorService executor;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<CountDownLatch> pullGate = new AtomicReference<>(new CountDownLatch(1));

    private FakeOllamaServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeOllamaServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FakeOllamaServer fake = new FakeOllamaServer(server, executor);
            server.setExecutor(executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not start the fake Ollama server", ex);
        }
    }

    /** Ollama's base URL, without {@code /v1}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Lets the pull in progress send the rest of its progress. */
    void releasePull() {
        pullGate.get().countDown();
    }

    void reset() {
        requests.clear();
        pullGate.getAndSet(new CountDownLatch(1)).countDown();
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(method, path, body));
            if (method.equals("GET") && path.equals("/api/tags")) {
                sendJson(exchange, 200, tags());
            }
            else if (method.equals("POST") && path.equals("/api/pull")) {
                pull(exchange, json.readTree(body));
            }
            else if (method.equals("POST") && path.equals("/v1/chat/completions")) {
                sendJson(exchange, 200, completion(json.readTree(body)));
            }
            else {
                byte[] notFound = "404 page not found".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, notFound.length);
                exchange.getResponseBody().write(notFound);
            }
        }
    }

    private ObjectNode tags() {
        ObjectNode tags = json.createObjectNode();
        ArrayNode models = tags.putArray("models");
        for (String name : List.of("llama3.2:latest", "qwen2.5:0.5b")) {
            ObjectNode model = models.addObject().put("name", name).put("model", name)
                    .put("modified_at", "2025-05-04T17:37:44.706015396-07:00").put("size", TOTAL).put("digest", DIGEST);
            model.putObject("details").put("format", "gguf").put("family", "llama").put("parameter_size", "3.2B")
                    .put("quantization_level", "Q4_K_M");
        }
        return tags;
    }

    private void pull(HttpExchange exchange, JsonNode request) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        line(out, json.createObjectNode().put("status", "pulling manifest"));
        if (!request.path("model").stringValue("").startsWith("llama3.2")) {
            line(out, json.createObjectNode().put("error", "pull model manifest: file does not exist"));
            return;
        }
        try {
            if (!pullGate.get().await(30, TimeUnit.SECONDS)) {
                return;
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        for (long completed : List.of(0L, TOTAL / 2, TOTAL)) {
            line(out, json.createObjectNode().put("status", "pulling " + DIGEST.substring(7, 19))
                    .put("digest", DIGEST).put("total", TOTAL).put("completed", completed));
        }
        line(out, json.createObjectNode().put("status", "verifying sha256 digest"));
        line(out, json.createObjectNode().put("status", "writing manifest"));
        line(out, json.createObjectNode().put("status", "success"));
    }

    private ObjectNode completion(JsonNode request) {
        ObjectNode completion = json.createObjectNode().put("id", "chatcmpl-123").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", request.path("model").stringValue(""))
                .put("system_fingerprint", "fp_ollama");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", "Hi from Ollama.");
        choice.put("finish_reason", "stop");
        completion.putObject("usage").put("prompt_tokens", 9).put("completion_tokens", 4).put("total_tokens", 13);
        return completion;
    }

    private void line(OutputStream out, JsonNode object) throws IOException {
        out.write((json.writeValueAsString(object) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A request as the server received it. */
    record Recorded(String method, String path, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }
}
