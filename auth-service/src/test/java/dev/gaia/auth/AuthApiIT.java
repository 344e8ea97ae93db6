package dev.gaia.auth;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;

import dev.gaia.shared.test.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(RealInfrastructure.class)
class AuthApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    private int port;

    @Autowired
    private RestTestClient client;

    @Autowired
    private Environment environment;

    @Test
    void playerJoinsLogsInAndIsKnownByTheToken() throws ParseException {
        String slug = newSlug();
        Map<String, Object> game = createGame(slug, "marta");
        assertThat(game).containsEntry("slug", slug).containsKeys("game_id", "admin_user_id");

        Map<String, Object> player = client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("game", slug, "username", "pip", "password", "sea shanty 42"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(player).containsEntry("game_id", game.get("game_id")).containsEntry("roles", List.of("player"));

        Map<String, Object> login = login(slug, "pip", "sea shanty 42");
        assertThat(login).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900)
                .containsEntry("user_id", player.get("user_id")).containsEntry("roles", List.of("player"));

        String token = (String) login.get("access_token");
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json").build()
                .decode(token);
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", activeKid(port));
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims())
                .containsOnlyKeys("iss", "sub", "game_id", "roles", "name", "exp");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("gaia-auth");
        assertThat(jwt.getSubject()).isEqualTo(player.get("user_id"));
        assertThat(jwt.getClaimAsString("game_id")).isEqualTo(game.get("game_id"));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("player");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("pip");
        assertThat(jwt.getExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofMinutes(1)));

        client.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.user_id").isEqualTo(player.get("user_id"))
                .jsonPath("$.game_id").isEqualTo(game.get("game_id"))
                .jsonPath("$.username").isEqualTo("pip")
                .jsonPath("$.roles[0]").isEqualTo("player");
    }

    @Test
    void playerJoinsByGameIdAsWellAsBySlug() {
        String slug = newSlug();
        String gameId = (String) createGame(slug, "marta").get("game_id");

        client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("game", gameId, "username", "pip", "password", "sea shanty 42"))
                .exchange()
                .expectStatus().isCreated();

        assertThat(login(gameId, "pip", "sea shanty 42")).containsEntry("game_id", gameId);
    }

    @Test
    void answersWrongPasswordAndUnknownUserAlike() {
        String slug = newSlug();
        createGame(slug, "marta");

        Map<String, Object> wrongPassword = failedLogin(slug, "marta", "not the password");
        Map<String, Object> unknownUser = failedLogin(slug, "nobody", "not the password");
        Map<String, Object> unknownGame = failedLogin(newSlug(), "marta", "correct horse");

        assertThat(wrongPassword).containsEntry("type", "https://gaia.dev/problems/invalid_credentials")
                .containsEntry("status", 401).containsEntry("code", "invalid_credentials");
        assertThat(withoutTraceId(unknownUser)).isEqualTo(withoutTraceId(wrongPassword));
        assertThat(withoutTraceId(unknownGame)).isEqualTo(withoutTraceId(wrongPassword));
    }

    @Test
    void refusesTakenSlug() {
        String slug = newSlug();
        createGame(slug, "marta");

        client.post().uri("/api/auth/games").contentType(MediaType.APPLICATION_JSON)
                .body(gameRequest(slug, "someone"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("game_slug_taken")
                .jsonPath("$.status").isEqualTo(409);
    }

    @Test
    void refusesUsernameTakenInAnyLetterCase() {
        String slug = newSlug();
        createGame(slug, "marta");

        client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("game", slug, "username", "MARTA", "password", "sea shanty 42"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("username_taken");
    }

    @Test
    void answersNotFoundForUnknownGame() {
        client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("game", newSlug(), "username", "pip", "password", "sea shanty 42"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("game_not_found");
    }

    @Test
    void adminCreatesDesignerInOwnGame() {
        String slug = newSlug();
        Map<String, Object> game = createGame(slug, "marta");
        String adminToken = (String) login(slug, "marta", "correct horse").get("access_token");

        client.post().uri("/api/auth/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "ines", "password", "tide tables", "roles", List.of("designer")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.game_id").isEqualTo(game.get("game_id"))
                .jsonPath("$.username").isEqualTo("ines")
                .jsonPath("$.roles").isEqualTo(List.of("designer"));

        assertThat(login(slug, "ines", "tide tables")).containsEntry("roles", List.of("designer"))
                .containsEntry("game_id", game.get("game_id"));
    }

    @Test
    void forbidsPlayerToCreateUsers() {
        String slug = newSlug();
        createGame(slug, "marta");
        client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("game", slug, "username", "pip", "password", "sea shanty 42"))
                .exchange()
                .expectStatus().isCreated();
        String playerToken = (String) login(slug, "pip", "sea shanty 42").get("access_token");

        client.post().uri("/api/auth/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + playerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "mallory", "password", "let me in please", "roles", List.of("admin")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }

    @Test
    void answersMeWithoutTokenWithProblem() {
        client.get().uri("/api/auth/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void publishesCacheableKeysAtBothAddresses() {
        String kid = activeKid(port);

        client.get().uri("/api/auth/.well-known/jwks.json")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .expectBody()
                .jsonPath("$.keys[0].kid").isEqualTo(kid)
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].alg").isEqualTo("RS256")
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    @Test
    void keepsSigningKeyAndTokensValidAcrossRestart() {
        String slug = newSlug();
        createGame(slug, "marta");
        String token = (String) login(slug, "marta", "correct horse").get("access_token");
        String kid = activeKid(port);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(AuthServiceApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getRequiredProperty("spring.datasource.password"))) {
            int restartedPort = restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

            assertThat(activeKid(restartedPort)).isEqualTo(kid);
            Map<String, Object> me = RestClient.create("http://localhost:" + restartedPort).get().uri("/api/auth/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .retrieve().body(JSON);
            assertThat(me).containsEntry("username", "marta").containsEntry("roles", List.of("admin", "designer"));
        }
    }

    private Map<String, Object> createGame(String slug, String admin) {
        return client.post().uri("/api/auth/games").contentType(MediaType.APPLICATION_JSON)
                .body(gameRequest(slug, admin))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private static Map<String, Object> gameRequest(String slug, String admin) {
        return Map.of("name", "Harbor Town", "slug", slug, "admin_username", admin, "admin_password", "correct horse");
    }

    private Map<String, Object> login(String game, String username, String password) {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("game", game, "username", username, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> failedLogin(String game, String username, String password) {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("game", game, "username", username, "password", password))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private static Map<String, Object> withoutTraceId(Map<String, Object> problem) {
        Map<String, Object> copy = new HashMap<>(problem);
        copy.remove("trace_id");
        return copy;
    }

    private static String activeKid(int port) {
        Map<String, Object> jwks = RestClient.create("http://localhost:" + port).get().uri("/.well-known/jwks.json")
                .retrieve().body(JSON);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        return (String) keys.getFirst().get("kid");
    }

    private static String newSlug() {
        return "game-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
