package dev.gaia.auth.login;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.gaia.shared.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

@WebMvcTest(LoginController.class)
class LoginControllerTests {

    private static final String CREDENTIALS = """
            {"game": "harbor-town", "username": "pip", "password": "sea shanty 42"}
            """;

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private LoginService logins;

    @Test
    void answersTokenThatNoCacheKeeps() {
        UUID userId = UUID.randomUUID();
        UUID gameId = UUID.randomUUID();
        given(logins.login(any())).willReturn(
                new LoginResponse("header.claims.signature", "Bearer", 900, userId, gameId, List.of("player")));

        assertThat(mvc.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(CREDENTIALS))
                .hasStatusOk()
                .hasHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .bodyJson().isLenientlyEqualTo("""
                        {"access_token": "header.claims.signature", "token_type": "Bearer", "expires_in": 900,
                         "user_id": "%s", "game_id": "%s", "roles": ["player"]}
                        """.formatted(userId, gameId));
    }

    @Test
    void answersUnauthorizedForWrongCredentials() {
        given(logins.login(any())).willThrow(ProblemException.unauthorized("invalid_credentials",
                "The game, username or password is not correct."));

        assertThat(mvc.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(CREDENTIALS))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://gaia.dev/problems/invalid_credentials", "title": "Unauthorized",
                         "status": 401, "code": "invalid_credentials",
                         "detail": "The game, username or password is not correct."}
                        """);
    }

    @Test
    void requiresEveryCredential() {
        assertThat(mvc.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("game", "username", "password");
    }
}
