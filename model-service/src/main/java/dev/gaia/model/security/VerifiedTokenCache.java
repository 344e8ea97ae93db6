package dev.gaia.model.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens its delegate accepted. A remembered token is
 * answered without verifying it again until its {@code exp} has passed, and never for longer
 * than {@link #MAX_AGE}; a token without {@code exp}, and every token the delegate refuses, is
 * never remembered.
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** The longest a verified token is answered from memory. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final int MAX_TOKENS = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfterWrite(MAX_AGE).build();

    VerifiedTokenCache(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        if (unexpired(jwt)) {
            verified.put(token, jwt);
        }
        else {
            verified.invalidate(token);
        }
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
