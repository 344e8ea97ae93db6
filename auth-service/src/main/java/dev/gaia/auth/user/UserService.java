package dev.gaia.auth.user;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gaia.auth.game.Game;
import dev.gaia.auth.game.GameLookup;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import dev.gaia.shared.security.Roles;

/** Creates users and finds them, always within one game. */
@Service
public class UserService {

    private final UserRepository users;
    private final GameLookup games;
    private final PasswordEncoder passwordEncoder;

    UserService(UserRepository users, GameLookup games, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.games = games;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Creates a user of the game with the given roles.
     *
     * @throws ProblemException 409 {@code username_taken} when the game already has a user of
     *         that name, in any letter case
     */
    @Transactional
    public User create(UUID gameId, String username, String password, Collection<String> roles) {
        if (users.findByGameIdAndUsername(gameId, username).isPresent()) {
            throw usernameTaken(username);
        }
        try {
            return users.saveAndFlush(new User(gameId, username, passwordEncoder.encode(password), roles));
        }
        catch (DataIntegrityViolationException raced) {
            throw usernameTaken(username);
        }
    }

    /** The user of that name in that game, whatever the letter case the caller typed. */
    @Transactional(readOnly = true)
    public Optional<User> find(UUID gameId, String username) {
        return users.findByGameIdAndUsername(gameId, username);
    }

    @Transactional
    RegisterResponse register(RegisterRequest request) {
        Game game = games.find(request.game()).orElseThrow(() -> ProblemException.notFound("game_not_found",
                "There is no game '" + request.game() + "'."));
        User player = create(game.getId(), request.username(), request.password(), Set.of(Roles.PLAYER));
        return new RegisterResponse(player.getId(), game.getId(), player.getRoles());
    }

    /** A user the calling admin adds to their own game. */
    @Transactional
    CreateUserResponse createByAdmin(GaiaPrincipal caller, CreateUserRequest request) {
        User user = create(caller.gameId(), request.username(), request.password(), request.roles());
        return CreateUserResponse.of(user);
    }

    @Transactional(readOnly = true)
    CurrentUserResponse current(GaiaPrincipal caller) {
        return users.findByIdAndGameId(caller.userId(), caller.gameId())
                .map(CurrentUserResponse::of)
                .orElseThrow(() -> ProblemException.notFound("user_not_found", "Your account no longer exists."));
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("username_taken",
                "The username '" + username + "' is already taken in this game.");
    }
}
