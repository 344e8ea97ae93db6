package dev.gaia.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A game client that talks to Gaia only through the gateway, as Unity or a web page would. */
final class GatewayClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI gateway;

    GatewayClient(URI gateway) {
        this.gateway = gateway;
    }

    Reply post(String path, String token, Object body) throws IOException, InterruptedException {
        return post(path, token, body instanceof String raw ? raw : json.writeValueAsString(body), "application/json");
    }

    Reply post(String path, String token, String rawBody, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token, accept)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody));
        return send(request.build());
    }

    Reply get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token, "application/json").GET().build());
    }

    /** Any request: a method, a body of a content type (none without one), and headers of its own. */
    Reply exchange(String method, String path, String token, String contentType, byte[] body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token, "*/*")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Sends a message and hands back the reply's lines as they arrive. */
    Stream<String> stream(String path, String token, Object body, String accept)
            throws IOException, InterruptedException {
        HttpRequest request = request(path, token, accept)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Stream answered " + response.statusCode() + ": "
                    + response.body().reduce("", String::concat));
        }
        return response.body();
    }

    JsonNode parse(String text) {
        return json.readTree(text);
    }

    String login(String game, String username, String password) throws IOException, InterruptedException {
        Reply reply = post("/api/auth/login", null, new Login(game, username, password));
        reply.expectStatus(200);
        return reply.body().get("access_token").asString();
    }

    private HttpRequest.Builder request(String path, String token, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", accept);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode node = bytes.length == 0 || !contentType.contains("json") ? json.createObjectNode()
                    : json.readTree(bytes);
            return new Reply(response.statusCode(), contentType, node, bytes, response.headers());
        }
    }

    record Login(String game, String username, String password) {
    }

    record Reply(int status, String contentType, JsonNode body, byte[] raw, HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElseThrow(() -> new AssertionError("No " + name + " header"));
        }

        Reply expectStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }
}
