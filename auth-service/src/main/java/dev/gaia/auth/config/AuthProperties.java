package dev.gaia.auth.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of auth-service.
 *
 * @param accessTokenTtl how long an access token is valid after it is issued
 * @param gameRegistration whether anyone may create a game ({@code open}) or nobody
 *        ({@code closed}, for a deployment that holds exactly the games it was seeded with)
 */
@ConfigurationProperties("gaia.auth")
public record AuthProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("open") GameRegistration gameRegistration) {

    /** Who may create a game through the public API. */
    public enum GameRegistration {
        OPEN, CLOSED
    }
}
