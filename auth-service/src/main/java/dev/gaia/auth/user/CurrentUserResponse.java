package dev.gaia.auth.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The caller's own account.
 *
 * @param userId the caller
 * @param gameId the caller's game
 * @param username the caller's name
 * @param roles the caller's roles, sorted
 * @param createdAt when the account was created
 */
record CurrentUserResponse(UUID userId, UUID gameId, String username, List<String> roles, Instant createdAt) {

    static CurrentUserResponse of(User user) {
        return new CurrentUserResponse(user.getId(), user.getGameId(), user.getUsername(), user.getRoles(),
                user.getCreatedAt());
    }
}
