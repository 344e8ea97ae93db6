package dev.gaia.auth.user;

import java.util.List;
import java.util.UUID;

/**
 * The user an admin created.
 *
 * @param userId the new user
 * @param gameId the admin's game, which the user belongs to
 * @param username the user's name
 * @param roles the roles granted, sorted
 */
record CreateUserResponse(UUID userId, UUID gameId, String username, List<String> roles) {

    static CreateUserResponse of(User user) {
        return new CreateUserResponse(user.getId(), user.getGameId(), user.getUsername(), user.getRoles());
    }
}
