package dev.gaia.shared.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * A local OpenAI-compatible model server for tests and benchmarks, speaking the real wire
 * format of OpenAI's Chat Completions API on {@code 127.0.0.1} and a free port.
 *
 * <ul>
 * <li>{@code POST /v1/chat/completions} with {@code "stream": true} answers
 * {@code text/event-stream}: a first chunk whose delta carries the assistant role, one
 * {@code chat.completion.chunk} per reply token, a chunk with {@code finish_reason: "stop"},
 * a usage chunk with empty {@code choices} when {@code stream_options.include_usage} is set
 * (as OpenAI sends it), and {@code data: [DONE]}; every event is flushed as it is written.</li>
 * <li>{@code POST /v1/chat/completions} without streaming answers one {@code chat.completion}
 * object with usage.</li>
 * <li>{@code GET /v1/models} lists {@link #models(String...) the configured model ids}.</li>
 * </ul>
 *
 * <p>The reply, the time to first token, the delay between tokens and an error status to
 * answer with (in OpenAI's {@code {"error":{"message","type","param","code"}}} shape) are
 * configurable while the server runs; each setting applies to requests that arrive after it.
 * The server records every request it received (method, path, {@code Authorization} header,
 * body) and counts the streams that the client closed before the last event.
 *
 * <pre>{@code
 * try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
 *     upstream.reply("Hello", ",", " world").delayBetweenTokens(Duration.ofMillis(5));
 *     // point the code under test at upstream.baseUrl(), e.g. http://127.0.0.1:40123/v1
 * }
 * }</pre>
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** The reply of a server that was not told otherwise, one token per element. */
    public static final List<String> DEFAULT_REPLY = List.of("Hello", ",", " traveller", ".");

    /** The model ids {@code GET /v1/models} lists unless told otherwise. */
    public static final List<String> DEFAULT_MODELS = List.of("fake-chat-model");

    private static final String DONE_EVENT = "data: [DONE]\n\n";

    private final HttpServer server;
    private final ExecutorService executor;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.DEFAULTS);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong completionIds = new AtomicLong();
    private final Object disconnectMonitor = new Object();
    private int clientDisconnects;

    private FakeOpenAiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server on {@code 127.0.0.1} and a free port, answering with
     * {@link #DEFAULT_REPLY} at once.
     */
    public static FakeOpenAiServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FakeOpenAiServer fake = new FakeOpenAiServer(server, executor);
            server.setExecutor(executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not start the fake OpenAI server", ex);
        }
    }

    /** The base URL in the OpenAI SDK convention, with {@code /v1}: {@code http://127.0.0.1:<port>/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v1");
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Replies with these tokens, in this order; a stream sends one chunk per token. */
    public FakeOpenAiServer reply(String... tokens) {
        return reply(List.of(tokens));
    }

    /** Replies with these tokens, in this order; a stream sends one chunk per token. */
    public FakeOpenAiServer reply(List<String> tokens) {
        List<String> copy = List.copyOf(tokens);
        return update(current -> current.withTokens(copy));
    }

    /** Waits this long after the role chunk before the first token (before answering, without streaming). */
    public FakeOpenAiServer timeToFirstToken(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return update(current -> current.withTimeToFirstToken(delay));
    }

    /** Waits this long between two tokens. */
    public FakeOpenAiServer delayBetweenTokens(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return update(current -> current.withDelayBetweenTokens(delay));
    }

    /**
     * Answers every request with this HTTP status and OpenAI's error body for it (for example
     * 401 {@code invalid_api_key}, 429 {@code rate_limit_exceeded}, 500 {@code server_error}).
     */
    public FakeOpenAiServer failWith(int status) {
        return failWith(status, null);
    }

    /** Like {@link #failWith(int)}, with a {@code Retry-After} header of whole seconds. */
    public FakeOpenAiServer failWith(int status, @Nullable Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An error status is 4xx or 5xx, not " + status);
        }
        return update(current -> current.withFailure(new Failure(status, retryAfter)));
    }

    /** Lists these model ids at {@code GET /v1/models}. */
    public FakeOpenAiServer models(String... ids) {
        List<String> copy = List.of(ids);
        return update(current -> current.withModels(copy));
    }

    /** Back to the defaults: default reply, no delays, no failure; forgets requests and disconnects. */
    public FakeOpenAiServer reset() {
        behaviour.set(Behaviour.DEFAULTS);
        requests.clear();
        synchronized (disconnectMonitor) {
            clientDisconnects = 0;
        }
        return this;
    }

    /** Every request received since the start or the last {@link #reset()}, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The request received last. */
    public RecordedRequest lastRequest() {
        List<RecordedRequest> received = requests();
        if (received.isEmpty()) {
            throw new IllegalStateException("The fake OpenAI server has received no request");
        }
        return received.getLast();
    }

    /** How many streams the client closed before the server had written their last event. */
    public int clientDisconnects() {
        synchronized (disconnectMonitor) {
            return clientDisconnects;
        }
    }

    /**
     * Waits until at least {@code count} streams were closed by their client.
     *
     * @return whether that many disconnects were seen within the timeout
     */
    public boolean awaitClientDisconnects(int count, Duration timeout) throws InterruptedException {
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

    /** Stops the server and interrupts the streams it is still writing. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private FakeOpenAiServer update(UnaryOperator<Behaviour> change) {
        behaviour.updateAndGet(change);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = readBody(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.getFirst()));
            requests.add(new RecordedRequest(method, path,
                    exchange.getRequestHeaders().getFirst("Authorization"), body, Map.copyOf(headers)));
            Behaviour current = behaviour.get();
            if (current.failure() != null) {
                sendError(exchange, current.failure());
            }
            else if (path.equals("/v1/chat/completions") && method.equals("POST")) {
                completeChat(exchange, body, current);
            }
            else if (path.equals("/v1/models") && method.equals("GET")) {
                sendJson(exchange, 200, modelList(current));
            }
            else {
                sendError(exchange, 404, "invalid_request_error", "unknown_url",
                        "Unknown request URL: " + method + " " + path + ".");
            }
        }
    }

    private void completeChat(HttpExchange exchange, String body, Behaviour current) throws IOException {
        JsonNode request;
        try {
            request = json.readTree(body);
        }
        catch (JacksonException ex) {
            sendError(exchange, 400, "invalid_request_error", null,
                    "We could not parse the JSON body of your request.");
            return;
        }
        if (!request.path("messages").isArray()) {
            sendError(exchange, 400, "invalid_request_error", null, "Missing required parameter: 'messages'.");
            return;
        }
        Completion completion = new Completion("chatcmpl-fake-" + completionIds.incrementAndGet(),
                Instant.now().getEpochSecond(), textOf(request.path("model"), "fake-chat-model"),
                promptTokens(request), current);
        if (request.path("stream").asBoolean(false)) {
            stream(exchange, completion, request.path("stream_options").path("include_usage").asBoolean(false));
        }
        else {
            pause(current.timeToFirstToken());
            for (int i = 1; i < current.tokens().size(); i++) {
                pause(current.delayBetweenTokens());
            }
            sendJson(exchange, 200, completion.toJson(json));
        }
    }

    private void stream(HttpExchange exchange, Completion completion, boolean includeUsage) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        Behaviour settings = completion.behaviour();
        try {
            ObjectNode roleDelta = json.createObjectNode().put("role", "assistant").put("content", "");
            sendEvent(out, completion.chunk(json, roleDelta, null));
            pause(settings.timeToFirstToken());
            List<String> tokens = settings.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) {
                    pause(settings.delayBetweenTokens());
                }
                sendEvent(out, completion.chunk(json, json.createObjectNode().put("content", tokens.get(i)), null));
            }
            sendEvent(out, completion.chunk(json, json.createObjectNode(), "stop"));
            if (includeUsage) {
                ObjectNode usageChunk = completion.chunkHead(json);
                usageChunk.putArray("choices");
                usageChunk.set("usage", completion.usage(json));
                sendEvent(out, usageChunk);
            }
            out.write(DONE_EVENT.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        catch (IOException ex) {
            synchronized (disconnectMonitor) {
                clientDisconnects++;
                disconnectMonitor.notifyAll();
            }
        }
    }

    private void sendEvent(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private ObjectNode modelList(Behaviour current) {
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String id : current.models()) {
            data.addObject().put("id", id).put("object", "model").put("created", 1_700_000_000L)
                    .put("owned_by", "gaia-fake");
        }
        return list;
    }

    private void sendError(HttpExchange exchange, Failure failure) throws IOException {
        if (failure.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
        }
        int status = failure.status();
        switch (status) {
            case 401 -> sendError(exchange, status, "invalid_request_error", "invalid_api_key",
                    "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.");
            case 403 -> sendError(exchange, status, "invalid_request_error", "unsupported_country_region_territory",
                    "Country, region, or territory not supported.");
            case 404 -> sendError(exchange, status, "invalid_request_error", "model_not_found",
                    "The model does not exist or you do not have access to it.");
            case 429 -> sendError(exchange, status, "requests", "rate_limit_exceeded",
                    "Rate limit reached for requests. Please try again later.");
            case 503 -> sendError(exchange, status, "server_error", null,
                    "The engine is currently overloaded, please try again later.");
            default -> {
                if (status >= 500) {
                    sendError(exchange, status, "server_error", null,
                            "The server had an error while processing your request. Sorry about that!");
                }
                else {
                    sendError(exchange, status, "invalid_request_error", null, "The request was rejected.");
                }
            }
        }
    }

    private void sendError(HttpExchange exchange, int status, String type, @Nullable String code, String message)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        error.putNull("param");
        if (code != null) {
            error.put("code", code);
        }
        else {
            error.putNull("code");
        }
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

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A rough, deterministic prompt size: the words of every message's text content. */
    private static int promptTokens(JsonNode request) {
        int words = 0;
        for (JsonNode message : request.path("messages")) {
            String content = textOf(message.path("content"), "").strip();
            words += content.isEmpty() ? 0 : content.split("\\s+").length;
        }
        return words;
    }

    private static String textOf(JsonNode node, String fallback) {
        return node.isString() ? node.stringValue() : fallback;
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

    /**
     * A request as the server received it.
     *
     * @param method the HTTP method
     * @param path the request path, such as {@code /v1/chat/completions}
     * @param authorization the {@code Authorization} header, or {@code null} when none was sent
     * @param body the request body as text, empty when there was none
     * @param headers the first value of every request header, by lower-case name
     */
    public record RecordedRequest(String method, String path, @Nullable String authorization, String body,
            Map<String, String> headers) {

        /** The first value of a request header, by name in any case. */
        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body parsed as JSON. */
        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    private record Failure(int status, @Nullable Duration retryAfter) {
    }

    private record Behaviour(List<String> tokens, Duration timeToFirstToken, Duration delayBetweenTokens,
            @Nullable Failure failure, List<String> models) {

        static final Behaviour DEFAULTS = new Behaviour(DEFAULT_REPLY, Duration.ZERO, Duration.ZERO, null,
                DEFAULT_MODELS);

        Behaviour withTokens(List<String> value) {
            return new Behaviour(value, timeToFirstToken, delayBetweenTokens, failure, models);
        }

        Behaviour withTimeToFirstToken(Duration value) {
            return new Behaviour(tokens, value, delayBetweenTokens, failure, models);
        }

        Behaviour withDelayBetweenTokens(Duration value) {
            return new Behaviour(tokens, timeToFirstToken, value, failure, models);
        }

        Behaviour withFailure(Failure value) {
            return new Behaviour(tokens, timeToFirstToken, delayBetweenTokens, value, models);
        }

        Behaviour withModels(List<String> value) {
            return new Behaviour(tokens, timeToFirstToken, delayBetweenTokens, failure, value);
        }
    }

    /** One answer being produced, with the fields every chunk of it repeats. */
    private record Completion(String id, long created, String model, int promptTokens, Behaviour behaviour) {

        ObjectNode chunkHead(JsonMapper json) {
            return json.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                    .put("created", created).put("model", model).put("system_fingerprint", "fp_gaia_fake");
        }

        ObjectNode chunk(JsonMapper json, ObjectNode delta, @Nullable String finishReason) {
            ObjectNode chunk = chunkHead(json);
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            if (finishReason != null) {
                choice.put("finish_reason", finishReason);
            }
            else {
                choice.putNull("finish_reason");
            }
            return chunk;
        }

        ObjectNode usage(JsonMapper json) {
            int completionTokens = behaviour.tokens().size();
            return json.createObjectNode().put("prompt_tokens", promptTokens)
                    .put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
        }

        ObjectNode toJson(JsonMapper json) {
            ObjectNode completion = json.createObjectNode().put("id", id).put("object", "chat.completion")
                    .put("created", created).put("model", model).put("system_fingerprint", "fp_gaia_fake");
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
            ObjectNode message = choice.putObject("message").put("role", "assistant")
                    .put("content", String.join("", behaviour.tokens()));
            message.putNull("refusal");
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
            completion.set("usage", usage(json));
            return completion;
        }
    }
}
