package dev.gaia.auth.game;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.gaia.shared.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

@WebMvcTest(GameController.class)
class GameControllerTests {

    private static final String VALID = """
            {"name": "Harbor Town", "slug": "harbor-town", "admin_username": "marta", "admin_password": "correct horse"}
            """;

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private GameService games;

    @Test
    void createsGameWithoutToken() {
        UUID gameId = UUID.randomUUID();
        UUID adminId = UUID.randomUUID();
        given(games.create(any())).willReturn(new CreateGameResponse(gameId, "harbor-town", adminId));

        assertThat(mvc.post().uri("/api/auth/games").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson().isLenientlyEqualTo("""
                        {"game_id": "%s", "slug": "harbor-town", "admin_user_id": "%s"}
                        """.formatted(gameId, adminId));
    }

    @Test
    void namesEveryInvalidField() {
        String invalid = """
                {"name": "", "slug": "Harbor Town!", "admin_username": "a b", "admin_password": "short"}
                """;

        assertThat(mvc.post().uri("/api/auth/games").contentType(MediaType.APPLICATION_JSON).content(invalid))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.type").isEqualTo("https://gaia.dev/problems/validation_failed");
                    assertThat(body).extractingPath("$.code").isEqualTo("validation_failed");
                    assertThat(body).extractingPath("$.status").isEqualTo(400);
                    assertThat(body).extractingPath("$.errors[*].field").asArray()
                            .containsExactlyInAnyOrder("name", "slug", "admin_username", "admin_password");
                    assertThat(body).extractingPath("$.errors[?(@.field == 'admin_password')].message").asArray()
                            .containsExactly("must be 8 to 128 characters");
                });
    }

    @Test
    void answersConflictForTakenSlug() {
        given(games.create(any())).willThrow(ProblemException.conflict("game_slug_taken",
                "A game with the slug 'harbor-town' already exists."));

        assertThat(mvc.post().uri("/api/auth/games").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://gaia.dev/problems/game_slug_taken", "title": "Conflict", "status": 409,
                         "code": "game_slug_taken", "detail": "A game with the slug 'harbor-town' already exists."}
                        """);
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(mvc.post().uri("/api/auth/games").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo("malformed_request");
    }
}
