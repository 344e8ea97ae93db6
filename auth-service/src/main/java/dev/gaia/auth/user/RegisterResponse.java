package dev.gaia.auth.user;

import java.util.List;
import java.util.UUID;

/**
 * The player who joined.
 *
 * @param userId the new user
 * @param gameId the game joined
 * @param roles the user's roles: {@code player}
 */
record RegisterResponse(UUID userId, UUID gameId, List<String> roles) {
}
