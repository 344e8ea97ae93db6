package dev.gaia.auth.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

@WebMvcTest(UserController.class)
class UserControllerTests {

    private static final UUID GAME = UUID.randomUUID();
    private static final UUID CALLER = UUID.randomUUID();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private UserService users;

    @Test
    void registersPlayerWithoutToken() {
        UUID userId = UUID.randomUUID();
        given(users.register(any())).willReturn(new RegisterResponse(userId, GAME, List.of("player")));

        assertThat(mvc.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"game": "harbor-town", "username": "pip", "password": "sea shanty 42"}
                        """))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson().isLenientlyEqualTo("""
                        {"user_id": "%s", "game_id": "%s", "roles": ["player"]}
                        """.formatted(userId, GAME));
    }

    @Test
    void rejectsUsernameAndPasswordOutsideThePolicy() {
        assertThat(mvc.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"game": "harbor-town", "username": "no spaces please", "password": "1234567"}
                        """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"code": "validation_failed", "status": 400, "errors": [
                          {"field": "password", "message": "must be 8 to 128 characters"},
                          {"field": "username", "message": "must be 3 to 64 letters, digits, '_', '.' or '-'"}
                        ]}
                        """);
    }

    @Test
    void answersNotFoundForUnknownGame() {
        given(users.register(any())).willThrow(ProblemException.notFound("game_not_found", "There is no game 'atlantis'."));

        assertThat(mvc.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"game": "atlantis", "username": "pip", "password": "sea shanty 42"}
                        """))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("game_not_found");
    }

    @Test
    void answersConflictForTakenUsername() {
        given(users.register(any())).willThrow(ProblemException.conflict("username_taken",
                "The username 'pip' is already taken in this game."));

        assertThat(mvc.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"game": "harbor-town", "username": "pip", "password": "sea shanty 42"}
                        """))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.code").isEqualTo("username_taken");
    }

    @Test
    void adminCreatesUserInOwnGame() {
        UUID userId = UUID.randomUUID();
        given(users.createByAdmin(any(), any()))
                .willReturn(new CreateUserResponse(userId, GAME, "ines", List.of("designer")));

        assertThat(mvc.post().uri("/api/auth/users").with(caller("admin", "designer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "ines", "password": "tide tables", "roles": ["designer"]}
                        """))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson().isLenientlyEqualTo("""
                        {"user_id": "%s", "game_id": "%s", "username": "ines", "roles": ["designer"]}
                        """.formatted(userId, GAME));
        then(users).should().createByAdmin(argThat(principal -> principal.gameId().equals(GAME)), any());
    }

    @Test
    void rejectsUnknownRole() {
        assertThat(mvc.post().uri("/api/auth/users").with(caller("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "ines", "password": "tide tables", "roles": ["god"]}
                        """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be one of player, designer, admin");
    }

    @Test
    void forbidsPlayersToCreateUsers() {
        assertThat(mvc.post().uri("/api/auth/users").with(caller("player"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "ines", "password": "tide tables", "roles": ["admin"]}
                        """))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("forbidden");
        then(users).should(never()).createByAdmin(any(), any());
    }

    @Test
    void createUsersNeedsToken() {
        assertThat(mvc.post().uri("/api/auth/users").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "ines", "password": "tide tables", "roles": ["admin"]}
                        """))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://gaia.dev/problems/unauthorized", "status": 401, "code": "unauthorized"}
                        """);
    }

    @Test
    void answersTheCaller() {
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        given(users.current(any(GaiaPrincipal.class)))
                .willReturn(new CurrentUserResponse(CALLER, GAME, "pip", List.of("player"), created));

        assertThat(mvc.get().uri("/api/auth/me").with(caller("player")))
                .hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"user_id": "%s", "game_id": "%s", "username": "pip", "roles": ["player"],
                         "created_at": "2026-01-02T03:04:05Z"}
                        """.formatted(CALLER, GAME));
    }

    private static RequestPostProcessor caller(String... roles) {
        return jwt().jwt(token -> token.subject(CALLER.toString())
                        .claim("game_id", GAME.toString())
                        .claim("name", "marta")
                        .claim("roles", List.of(roles)))
                .authorities(List.of(roles).stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                        .toArray(GrantedAuthority[]::new));
    }
}
