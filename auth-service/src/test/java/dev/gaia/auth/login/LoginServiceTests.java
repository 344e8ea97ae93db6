package dev.gaia.auth.login;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.gaia.auth.game.Game;
import dev.gaia.auth.game.GameLookup;
import dev.gaia.auth.token.AccessToken;
import dev.gaia.auth.token.AccessTokenIssuer;
import dev.gaia.auth.user.User;
import dev.gaia.auth.user.UserService;
import dev.gaia.shared.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class LoginServiceTests {

    private static final String DUMMY_HASH = "{argon2}dummy";
    private static final UUID GAME_ID = UUID.randomUUID();
    private static final UUID USER_ID = UUID.randomUUID();

    private final GameLookup games = mock(GameLookup.class);
    private final UserService users = mock(UserService.class);
    private final PasswordEncoder passwordEncoder = mock(PasswordEncoder.class);
    private final AccessTokenIssuer tokens = mock(AccessTokenIssuer.class);
    private LoginService logins;

    @BeforeEach
    void setUp() {
        given(passwordEncoder.encode(anyString())).willReturn(DUMMY_HASH);
        logins = new LoginService(games, users, passwordEncoder, tokens);
        Game game = mock(Game.class);
        given(game.getId()).willReturn(GAME_ID);
        given(games.find("harbor-town")).willReturn(Optional.of(game));
    }

    @Test
    void issuesTokenForRightPassword() {
        givenUser("pip", "{argon2}pip-hash");
        given(passwordEncoder.matches("sea shanty 42", "{argon2}pip-hash")).willReturn(true);
        given(tokens.issue(USER_ID, GAME_ID, "pip", List.of("player")))
                .willReturn(new AccessToken("signed.jwt.value", Duration.ofMinutes(15)));

        LoginResponse response = logins.login(new LoginRequest("harbor-town", "Pip", "sea shanty 42"));

        assertThat(response).isEqualTo(new LoginResponse("signed.jwt.value", "Bearer", 900, USER_ID, GAME_ID,
                List.of("player")));
    }

    @Test
    void rejectsWrongPassword() {
        givenUser("pip", "{argon2}pip-hash");

        assertInvalidCredentials(new LoginRequest("harbor-town", "pip", "wrong password"));
        then(passwordEncoder).should().matches("wrong password", "{argon2}pip-hash");
    }

    @Test
    void hashesAnywayForUnknownUser() {
        given(users.find(GAME_ID, "nobody")).willReturn(Optional.empty());

        assertInvalidCredentials(new LoginRequest("harbor-town", "nobody", "any password"));
        then(passwordEncoder).should().matches("any password", DUMMY_HASH);
    }

    @Test
    void answersTheSameForUnknownGame() {
        given(games.find("atlantis")).willReturn(Optional.empty());

        assertInvalidCredentials(new LoginRequest("atlantis", "pip", "sea shanty 42"));
        then(passwordEncoder).should().matches("sea shanty 42", DUMMY_HASH);
    }

    private void givenUser(String username, String hash) {
        User user = mock(User.class);
        given(user.getId()).willReturn(USER_ID);
        given(user.getGameId()).willReturn(GAME_ID);
        given(user.getUsername()).willReturn(username);
        given(user.getPasswordHash()).willReturn(hash);
        given(user.getRoles()).willReturn(List.of("player"));
        given(users.find(any(), anyString())).willReturn(Optional.of(user));
    }

    private void assertInvalidCredentials(LoginRequest request) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> logins.login(request));
        assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(problem.code()).isEqualTo("invalid_credentials");
        then(tokens).should(never()).issue(any(), any(), anyString(), anyList());
    }
}
