package dev.gaia.npc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls npc-service over real HTTP as a client would, with a bearer token, for the integration
 * tests. The port is asked for at each call because Spring injects it into a test only after
 * the test instance, and so this client, has been built.
 */
public final class NpcApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.shared();
    private final IntSupplier port;

    public NpcApiClient(IntSupplier port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    /** Posts {@code body} as JSON; an empty body is sent without a content type. */
    public HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token);
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> put(String path, String body, String token) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Sends {@code body} as a JSON merge patch with the precondition {@code If-Match: ifMatch}. */
    public HttpResponse<String> patch(String path, String body, String token, String ifMatch)
            throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", ifMatch).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Sends any method, with a JSON body (a merge patch for {@code PATCH}) and an {@code If-Match}
     * precondition where given.
     */
    public HttpResponse<String> send(String method, String path, String token, @Nullable String body,
            @Nullable String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    /** A request to {@code path} with no credentials, for what the helpers above do not cover. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt() + path));
    }

    /** A request to {@code path} carrying {@code token}, for what the helpers above do not cover. */
    public HttpRequest.Builder request(String path, String token) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request, body);
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of a {@code 200 OK} answer to {@code GET path}. */
    public JsonNode read(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> read = get(path, token);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json(read);
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The id of the character a {@code 201 Created} answer reports. */
    public String createdNpcId(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("npc_id").stringValue();
    }

    public void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("code").stringValue()).isEqualTo(code);
    }
}
