package dev.gaia.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.gaia.shared.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingIT {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final UUID GAME = UUID.randomUUID();
    private static final StubService SERVICES = new StubService();
    private static final String DEAD_URL = StubService.deadUrl();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("GAIA_AUTH_URL", SERVICES::url);
        registry.add("gaia.security.jwks-uri", () -> TOKENS.jwksUri().toString());
        registry.add("GAIA_NPC_URL", SERVICES::url);
        registry.add("GAIA_CHAT_URL", SERVICES::url);
        registry.add("GAIA_MEMORY_URL", () -> DEAD_URL);
    }

    @AfterAll
    static void stopServices() {
        HTTP.close();
        SERVICES.close();
    }

    @Test
    void streamsNdjsonLineByLine() throws Exception {
        StubService.StreamProbe probe = SERVICES.nextStream();

        HttpResponse<Stream<String>> response = postStream("/api/conversations/ndjson", "application/x-ndjson");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).isEqualTo("{\"token\":\"Hel\"}");
        probe.clientSawFirstChunk();
        assertThat(rest(lines)).containsExactly("{\"token\":\"lo\"}", "{\"done\":true,\"content\":\"Hello\"}");
        assertThat(probe.clientSawFirstChunkBeforeTheRest())
                .as("the first line reached the client while the service still held back the others")
                .isTrue();
    }

    @Test
    void streamsServerSentEventsEventByEvent() throws Exception {
        StubService.StreamProbe probe = SERVICES.nextStream();

        HttpResponse<Stream<String>> response = postStream("/api/conversations/sse", "text/event-stream");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("text/event-stream");
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).isEqualTo("data: {\"token\":\"Hel\"}");
        assertThat(lines.next()).isEmpty();
        probe.clientSawFirstChunk();
        assertThat(rest(lines)).containsExactly("data: {\"token\":\"lo\"}", "",
                "data: {\"done\":true,\"content\":\"Hello\"}", "");
        assertThat(probe.clientSawFirstChunkBeforeTheRest()).isTrue();
    }

    @Test
    void answersServiceUnavailableWhenServiceIsDown() {
        client.get().uri("/api/memories/recent").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.player(GAME))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gaia.dev/problems/service_unavailable")
                .jsonPath("$.code").isEqualTo("service_unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void answersNotFoundWhereNoRouteLeads() {
        client.get().uri("/api/nowhere").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.player(GAME))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("not_found")
                .jsonPath("$.status").isEqualTo(404);
    }

    private HttpResponse<Stream<String>> postStream(String path, String accept)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.player(GAME))
                .header(HttpHeaders.ACCEPT, accept)
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"Hello?\"}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static List<String> rest(Iterator<String> lines) {
        List<String> rest = new ArrayList<>();
        lines.forEachRemaining(rest::add);
        return rest;
    }
}
