package dev.gaia.auth.game;

import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gaia.auth.config.AuthProperties;
import dev.gaia.auth.config.AuthProperties.GameRegistration;
import dev.gaia.auth.user.User;
import dev.gaia.auth.user.UserService;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.Roles;

@Service
class GameService {

    private final GameRepository games;
    private final UserService users;
    private final AuthProperties properties;

    GameService(GameRepository games, UserService users, AuthProperties properties) {
        this.games = games;
        this.users = users;
        this.properties = properties;
    }

    /** Creates the game and its administrator together: neither exists without the other. */
    @Transactional
    CreateGameResponse create(CreateGameRequest request) {
        if (properties.gameRegistration() == GameRegistration.CLOSED) {
            throw ProblemException.forbidden("game_registration_closed",
                    "This deployment does not accept new games.");
        }
        if (games.existsBySlug(request.slug())) {
            throw slugTaken(request.slug());
        }
        Game game;
        try {
            game = games.saveAndFlush(new Game(request.slug(), request.name()));
        }
        catch (DataIntegrityViolationException raced) {
            throw slugTaken(request.slug());
        }
        User admin = users.create(game.getId(), request.adminUsername(), request.adminPassword(),
                Set.of(Roles.ADMIN, Roles.DESIGNER));
        return new CreateGameResponse(game.getId(), game.getSlug(), admin.getId());
    }

    private static ProblemException slugTaken(String slug) {
        return ProblemException.conflict("game_slug_taken", "A game with the slug '" + slug + "' already exists.");
    }
}
