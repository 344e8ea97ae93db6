package dev.gaia.auth.login;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.gaia.auth.game.GameLookup;
import dev.gaia.auth.token.AccessToken;
import dev.gaia.auth.token.AccessTokenIssuer;
import dev.gaia.auth.user.User;
import dev.gaia.auth.user.UserService;
import dev.gaia.shared.problem.ProblemException;

@Service
class LoginService {

    private final GameLookup games;
    private final UserService users;
    private final PasswordEncoder passwordEncoder;
    private final AccessTokenIssuer tokens;
    /** Checked against when there is no such user, so that answer takes as long as a wrong password. */
    private final String dummyHash;

    LoginService(GameLookup games, UserService users, PasswordEncoder passwordEncoder, AccessTokenIssuer tokens) {
        this.games = games;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * A token for the user, or 401 {@code invalid_credentials}: the same answer, in about the
     * same time, for an unknown game, an unknown user and a wrong password.
     */
    LoginResponse login(LoginRequest request) {
        Optional<User> user = games.find(request.game())
                .flatMap(game -> users.find(game.getId(), request.username()));
        boolean matches = passwordEncoder.matches(request.password(), user.map(User::getPasswordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches) {
            throw ProblemException.unauthorized("invalid_credentials",
                    "The game, username or password is not correct.");
        }
        User found = user.get();
        AccessToken token = tokens.issue(found.getId(), found.getGameId(), found.getUsername(), found.getRoles());
        return new LoginResponse(token.value(), "Bearer", token.expiresIn().toSeconds(), found.getId(),
                found.getGameId(), found.getRoles());
    }
}
