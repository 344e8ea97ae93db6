package dev.gaia.model.provider.anthropic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server speaking Anthropic's Messages API as documented: {@code POST /v1/messages}
 * with {@code x-api-key} and {@code anthropic-version}, answered as one {@code message} or, with
 * {@code "stream": true}, as the server-sent events {@code message_start},
 * {@code content_block_start}, {@code ping}, {@code content_block_delta} ({@code text_delta},
 * {@code input_json_delta}), {@code content_block_stop}, {@code message_delta},
 * {@code message_stop}, each flushed as it is written. Errors use Anthropic's
 * {@code {"type":"error","error":{"type","message"}}} body, and a request Anthropic would
 * refuse (no key, no version, no {@code max_tokens}, a {@code system} role among the messages)
 * is refused with 401 or 400 as Anthropic does.
 */
final class FakeAnthropicServer implements AutoCloseable {

    static final String MODEL = "claude-fake-1";
    static final int INPUT_TOKENS = 21;

    private final HttpServer server;
    private final ExecutorService executor;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.DEFAULTS);
    private final AtomicInteger errorsBeforeFirstToken = new AtomicInteger();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Object disconnectMonitor = new Object();
    private int clientDisconnects;

    private FakeAnthropicServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeAnthropicServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FakeAnthropicServer fake = new FakeAnthropicServer(server, executor);
            server.setExecutor(executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not start the fake Anthropic server", ex);
        }
    }

    /** The base URL as Anthropic's SDKs take it, without {@code /v1}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers with these text deltas and {@code end_turn}. */
    FakeAnthropicServer reply(String... tokens) {
        List<String> copy = List.of(tokens);
        return update(current -> new Behaviour(copy, null, "end_turn", current.delay(), null, false));
    }

    /** Answers with a text block of these deltas, then a {@code tool_use} block whose input arrives in these parts. */
    FakeAnthropicServer replyWithToolCall(List<String> text, String id, String name, List<String> inputParts) {
        ToolCall call = new ToolCall(id, name, List.copyOf(inputParts));
        List<String> copy = List.copyOf(text);
        return update(current -> new Behaviour(copy, call, "tool_use", current.delay(), null, false));
    }

    /** Ends the answer with this {@code stop_reason}. */
    FakeAnthropicServer stopReason(String stopReason) {
        return update(current -> new Behaviour(current.tokens(), current.toolCall(), stopReason, current.delay(),
                current.failure(), current.errorMidStream()));
    }

    /** Waits this long before each delta. */
    FakeAnthropicServer delayBetweenTokens(Duration delay) {
        return update(current -> new Behaviour(current.tokens(), current.toolCall(), current.stopReason(), delay,
                current.failure(), current.errorMidStream()));
    }

    /** Answers every request with this status and Anthropic's error body for it. */
    FakeAnthropicServer failWith(int status, @Nullable Duration retryAfter) {
        Failure failure = new Failure(status, retryAfter);
        return update(current -> new Behaviour(current.tokens(), current.toolCall(), current.stopReason(),
                current.delay(), failure, false));
    }

    /** Streams the first text delta, then an {@code error} event of type {@code overloaded_error}. */
    FakeAnthropicServer errorMidStream() {
        return update(current -> new Behaviour(current.tokens(), current.toolCall(), current.stopReason(),
                current.delay(), null, true));
    }

    /** The next {@code streams} streams send an {@code overloaded_error} event right after {@code message_start}. */
    FakeAnthropicServer errorBeforeFirstToken(int streams) {
        errorsBeforeFirstToken.set(streams);
        return this;
    }

    FakeAnthropicServer reset() {
        behaviour.set(Behaviour.DEFAULTS);
        errorsBeforeFirstToken.set(0);
        requests.clear();
        synchronized (disconnectMonitor) {
            clientDisconnects = 0;
        }
        return this;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    RecordedRequest lastRequest() {
        return requests().getLast();
    }

    boolean awaitClientDisconnects(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (disconnectMonitor) {
            while (clientDisconnects < count) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(disconnectMonitor, remaining);
            }
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private FakeAnthropicServer update(UnaryOperator<Behaviour> change) {
        behaviour.updateAndGet(change);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
            String version = exchange.getRequestHeaders().getFirst("anthropic-version");
            requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), apiKey,
                    version, body));
            Behaviour current = behaviour.get();
            if (!exchange.getRequestURI().getPath().equals("/v1/messages")
                    || !exchange.getRequestMethod().equals("POST")) {
                sendError(exchange, 404, "not_found_error", "Not found");
                return;
            }
            if (apiKey == null || apiKey.isBlank()) {
                sendError(exchange, 401, "authentication_error", "x-api-key header is required");
                return;
            }
            if (version == null) {
                sendError(exchange, 400, "invalid_request_error", "anthropic-version: header is required");
                return;
            }
            if (current.failure() != null) {
                sendFailure(exchange, current.failure());
                return;
            }
            JsonNode request;
            try {
                request = json.readTree(body);
            }
            catch (JacksonException ex) {
                sendError(exchange, 400, "invalid_request_error", "There was an issue with the JSON body");
                return;
            }
            if (!request.path("max_tokens").isIntegralNumber()) {
                sendError(exchange, 400, "invalid_request_error", "max_tokens: Field required");
                return;
            }
            for (JsonNode message : request.path("messages")) {
                if (!message.path("role").stringValue("").matches("user|assistant")) {
                    sendError(exchange, 400, "invalid_request_error", "messages: Unexpected role \""
                            + message.path("role").stringValue("") + "\". Use the top-level `system` parameter.");
                    return;
                }
            }
            String id = "msg_fake" + ids.incrementAndGet();
            if (request.path("stream").asBoolean(false)) {
                stream(exchange, id, current);
            }
            else {
                sendJson(exchange, 200, message(id, current));
            }
        }
    }

    private ObjectNode message(String id, Behaviour current) {
        ObjectNode message = json.createObjectNode().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", MODEL);
        ArrayNode content = message.putArray("content");
        if (!current.tokens().isEmpty()) {
            content.addObject().put("type", "text").put("text", String.join("", current.tokens()));
        }
        if (current.toolCall() != null) {
            ObjectNode toolUse = content.addObject().put("type", "tool_use").put("id", current.toolCall().id())
                    .put("name", current.toolCall().name());
            toolUse.set("input", json.readTree(String.join("", current.toolCall().inputParts())));
        }
        message.put("stop_reason", current.stopReason());
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", INPUT_TOKENS).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0).put("output_tokens", outputTokens(current));
        return message;
    }

    private void sendOverloaded(OutputStream out) throws IOException {
        ObjectNode error = json.createObjectNode().put("type", "error");
        error.putObject("error").put("type", "overloaded_error").put("message", "Overloaded");
        send(out, "error", error);
    }

    private void stream(HttpExchange exchange, String id, Behaviour current) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            ObjectNode start = json.createObjectNode().put("type", "message_start");
            ObjectNode message = start.putObject("message").put("id", id).put("type", "message")
                    .put("role", "assistant").put("model", MODEL);
            message.putArray("content");
            message.putNull("stop_reason");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", 1);
            send(out, "message_start", start);
            if (errorsBeforeFirstToken.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                sendOverloaded(out);
                return;
            }
            ObjectNode textStart = json.createObjectNode().put("type", "content_block_start").put("index", 0);
            textStart.putObject("content_block").put("type", "text").put("text", "");
            send(out, "content_block_start", textStart);
            send(out, "ping", json.createObjectNode().put("type", "ping"));
            for (String token : current.tokens()) {
                pause(current.delay());
                ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", 0);
                delta.putObject("delta").put("type", "text_delta").put("text", token);
                send(out, "content_block_delta", delta);
                if (current.errorMidStream()) {
                    sendOverloaded(out);
                    return;
                }
            }
            send(out, "content_block_stop", json.createObjectNode().put("type", "content_block_stop").put("index", 0));
            if (current.toolCall() != null) {
                ObjectNode toolStart = json.createObjectNode().put("type", "content_block_start").put("index", 1);
                toolStart.putObject("content_block").put("type", "tool_use").put("id", current.toolCall().id())
                        .put("name", current.toolCall().name()).putObject("input");
                send(out, "content_block_start", toolStart);
                for (String part : current.toolCall().inputParts()) {
                    pause(current.delay());
                    ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", 1);
                    delta.putObject("delta").put("type", "input_json_delta").put("partial_json", part);
                    send(out, "content_block_delta", delta);
                }
                send(out, "content_block_stop",
                        json.createObjectNode().put("type", "content_block_stop").put("index", 1));
            }
            ObjectNode messageDelta = json.createObjectNode().put("type", "message_delta");
            messageDelta.putObject("delta").put("stop_reason", current.stopReason()).putNull("stop_sequence");
            messageDelta.putObject("usage").put("output_tokens", outputTokens(current));
            send(out, "message_delta", messageDelta);
            send(out, "message_stop", json.createObjectNode().put("type", "message_stop"));
        }
        catch (IOException ex) {
            synchronized (disconnectMonitor) {
                clientDisconnects++;
                disconnectMonitor.notifyAll();
            }
        }
    }

    private void send(OutputStream out, String event, JsonNode data) throws IOException {
        out.write(("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void sendFailure(HttpExchange exchange, Failure failure) throws IOException {
        if (failure.retryAfter() != null) {
            exchange.getResponseHeaders().set("retry-after", Long.toString(failure.retryAfter().toSeconds()));
        }
        switch (failure.status()) {
            case 401 -> sendError(exchange, 401, "authentication_error", "invalid x-api-key");
            case 403 -> sendError(exchange, 403, "permission_error",
                    "Your API key does not have permission to use the specified resource.");
            case 404 -> sendError(exchange, 404, "not_found_error", "model: " + MODEL + "-missing");
            case 429 -> sendError(exchange, 429, "rate_limit_error",
                    "Number of request tokens has exceeded your per-minute rate limit");
            case 529 -> sendError(exchange, 529, "overloaded_error", "Overloaded");
            default -> {
                boolean serverError = failure.status() >= 500;
                sendError(exchange, failure.status(), serverError ? "api_error" : "invalid_request_error",
                        serverError ? "Internal server error" : "Invalid request");
            }
        }
    }

    private void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = json.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        sendJson(exchange, status, body);
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int outputTokens(Behaviour current) {
        return current.tokens().size() + (current.toolCall() == null ? 0 : current.toolCall().inputParts().size());
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request as the server received it. */
    record RecordedRequest(String method, String path, @Nullable String apiKey, @Nullable String version, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    private record Failure(int status, @Nullable Duration retryAfter) {
    }

    private record ToolCall(String id, String name, List<String> inputParts) {
    }

    private record Behaviour(List<String> tokens, @Nullable ToolCall toolCall, String stopReason, Duration delay,
            @Nullable Failure failure, boolean errorMidStream) {

        static final Behaviour DEFAULTS = new Behaviour(List.of("Hello", ",", " traveller", "."), null, "end_turn",
                Duration.ZERO, null, false);
    }
}
