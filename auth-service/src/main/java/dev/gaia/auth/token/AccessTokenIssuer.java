package dev.gaia.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.jsonwebtoken.Jwts;

import org.springframework.stereotype.Component;

import dev.gaia.auth.config.AuthProperties;
import dev.gaia.shared.security.GaiaClaims;

/**
 * Signs access tokens: RS256 with the active key, and exactly the claims every Gaia service
 * reads ({@code iss}, {@code sub}, {@code game_id}, {@code roles}, {@code name}, {@code exp}).
 */
@Component
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final Duration ttl;

    AccessTokenIssuer(SigningKeys keys, AuthProperties properties) {
        this.keys = keys;
        this.ttl = properties.accessTokenTtl();
    }

    /** A token saying that this user of this game holds these roles, valid for the configured TTL. */
    public AccessToken issue(UUID userId, UUID gameId, String name, List<String> roles) {
        SigningKeys.ActiveKey key = keys.active();
        String token = Jwts.builder()
                .header().type("JWT").keyId(key.kid()).and()
                .issuer(GaiaClaims.ISSUER)
                .subject(userId.toString())
                .claim(GaiaClaims.GAME_ID, gameId.toString())
                .claim(GaiaClaims.ROLES, roles)
                .claim(GaiaClaims.NAME, name)
                .expiration(Date.from(Instant.now().plus(ttl)))
                .signWith(key.privateKey(), Jwts.SIG.RS256)
                .compact();
        return new AccessToken(token, ttl);
    }
}
