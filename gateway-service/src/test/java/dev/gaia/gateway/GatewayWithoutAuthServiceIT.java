package dev.gaia.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.gaia.shared.test.TestTokens;

/** The gateway starts, and says why it cannot verify tokens, while auth-service is still down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayWithoutAuthServiceIT {

    private static final String DEAD_URL = StubService.deadUrl();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("GAIA_AUTH_URL", () -> DEAD_URL);
    }

    @Test
    void isReadyBeforeAuthServiceIs() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void answersServiceUnavailableWhenKeysCannotBeFetched() {
        client.get().uri("/api/npcs/elena")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().player(UUID.randomUUID()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("service_unavailable");
    }

    @Test
    void answersServiceUnavailableForLoginWhileAuthServiceIsDown() {
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"game\":\"harbor-town\",\"username\":\"pip\",\"password\":\"sea shanty 42\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("service_unavailable");
    }
}
