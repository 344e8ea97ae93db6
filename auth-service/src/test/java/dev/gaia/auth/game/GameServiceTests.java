package dev.gaia.auth.game;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import dev.gaia.auth.config.AuthProperties;
import dev.gaia.auth.config.AuthProperties.GameRegistration;
import dev.gaia.auth.user.UserService;
import dev.gaia.shared.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class GameServiceTests {

    private final GameRepository games = mock(GameRepository.class);
    private final UserService users = mock(UserService.class);

    @Test
    void refusesNewGamesWhenRegistrationIsClosed() {
        GameService service = new GameService(games, users,
                new AuthProperties(Duration.ofMinutes(15), GameRegistration.CLOSED));

        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> service.create(
                new CreateGameRequest("Harbor Town", "harbor-town", "marta", "correct horse")));

        assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(problem.code()).isEqualTo("game_registration_closed");
        verifyNoInteractions(games, users);
    }
}
