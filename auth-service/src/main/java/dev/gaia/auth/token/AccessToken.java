package dev.gaia.auth.token;

import java.time.Duration;

/**
 * A signed access token.
 *
 * @param value the compact JWT
 * @param expiresIn how long it is valid from now
 */
public record AccessToken(String value, Duration expiresIn) {

    @Override
    public String toString() {
        return "AccessToken[expiresIn=" + expiresIn + "]";
    }
}
