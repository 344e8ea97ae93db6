package dev.gaia.shared.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies callers.
 *
 * @param jwksUri where auth-service publishes its signing keys
 * @param issuer the issuer every accepted token must name
 * @param publicPaths request paths (Ant patterns) that need no token, besides health and API docs
 */
@ConfigurationProperties("gaia.security")
public record GaiaSecurityProperties(
        @DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwksUri,
        @DefaultValue(GaiaClaims.ISSUER) String issuer,
        @DefaultValue List<String> publicPaths) {
}
