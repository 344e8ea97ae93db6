package dev.gaia.gateway;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.gaia.shared.test.TestTokens;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewaySecurityIT {

    private static final String GAME_ORIGIN = "http://game.example";
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final UUID GAME = UUID.randomUUID();
    private static final StubService SERVICES = new StubService();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("GAIA_AUTH_URL", SERVICES::url);
        registry.add("gaia.security.jwks-uri", () -> TOKENS.jwksUri().toString());
        registry.add("GAIA_NPC_URL", SERVICES::url);
        registry.add("GAIA_CORS_ORIGINS", () -> GAME_ORIGIN);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }

    @Test
    void answersRequestWithoutTokenWithProblem() {
        client.get().uri("/api/npcs/elena").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gaia.dev/problems/unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace_id").isNotEmpty();
    }

    @Test
    void rejectsGarbageToken() {
        assertRejected("not-a-jwt");
    }

    @Test
    void rejectsExpiredToken() {
        assertRejected(TOKENS.expired(GAME));
    }

    @Test
    void rejectsTokenSignedWithUnpublishedKey() {
        assertRejected(TOKENS.signedByUnknownKey(GAME));
    }

    @Test
    void passesValidTokenOnUnchanged() {
        String token = TOKENS.player(GAME);

        client.get().uri("/api/npcs/elena").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.path").isEqualTo("/api/npcs/elena")
                .jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void letsLoginThroughWithoutToken() {
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"game\":\"harbor-town\",\"username\":\"pip\",\"password\":\"sea shanty 42\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.access_token").isEqualTo("from-auth");
    }

    @Test
    void publishesKeysWithoutToken() {
        client.get().uri("/api/auth/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys").isArray();
    }

    @Test
    void reportsReadinessWithoutToken() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void answersPreflightOfConfiguredOrigin() {
        client.options().uri("/api/npcs")
                .header(HttpHeaders.ORIGIN, GAME_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, GAME_ORIGIN);
    }

    @Test
    void letsBrowsersSendIfMatchForAnNpcsVersion() {
        client.options().uri("/api/npcs/" + UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, GAME_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.PATCH.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,if-match,x-gaia-change-note")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, GAME_ORIGIN);
    }

    @Test
    void refusesPreflightOfOtherOrigin() {
        client.options().uri("/api/npcs")
                .header(HttpHeaders.ORIGIN, "http://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private void assertRejected(String token) {
        client.get().uri("/api/npcs/elena").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.status").isEqualTo(401);
    }
}
