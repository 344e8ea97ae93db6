package dev.gaia.auth.game;

import java.util.UUID;

/**
 * The game that was created and its first user.
 *
 * @param gameId the new game
 * @param slug the game's slug
 * @param adminUserId the first user, holding the roles {@code admin} and {@code designer}
 */
record CreateGameResponse(UUID gameId, String slug, UUID adminUserId) {
}
