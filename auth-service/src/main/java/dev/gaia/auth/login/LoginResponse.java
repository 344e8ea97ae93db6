package dev.gaia.auth.login;

import java.util.List;
import java.util.UUID;

/**
 * An access token for the user who logged in.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer <token>}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the token expires
 * @param userId the user
 * @param gameId the user's game
 * @param roles the user's roles, sorted
 */
record LoginResponse(String accessToken, String tokenType, long expiresIn, UUID userId, UUID gameId,
        List<String> roles) {

    @Override
    public String toString() {
        return "LoginResponse[userId=" + userId + ", gameId=" + gameId + ", roles=" + roles + "]";
    }
}
