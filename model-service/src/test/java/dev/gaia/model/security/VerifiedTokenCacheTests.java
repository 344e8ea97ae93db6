package dev.gaia.model.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-11-21T19:00:00Z");

    private final List<String> verifications = new ArrayList<>();

    @Test
    void verifiesAnUnexpiredTokenOnce() {
        JwtDecoder decoder = new VerifiedTokenCache(accepting(NOW.plusSeconds(600)), clockAt(NOW));

        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly("token-a");
    }

    @Test
    void verifiesEachTokenOnItsOwn() {
        JwtDecoder decoder = new VerifiedTokenCache(accepting(NOW.plusSeconds(600)), clockAt(NOW));

        assertThat(decoder.decode("token-a").getTokenValue()).isEqualTo("token-a");
        assertThat(decoder.decode("token-b").getTokenValue()).isEqualTo("token-b");

        assertThat(verifications).containsExactly("token-a", "token-b");
    }

    @Test
    void verifiesATokenAgainOnceItHasExpired() {
        JwtDecoder delegate = accepting(NOW.plusSeconds(60));
        new VerifiedTokenCache(delegate, clockAt(NOW)).decode("token-a");
        VerifiedTokenCache later = new VerifiedTokenCache(delegate, clockAt(NOW.plusSeconds(61)));

        later.decode("token-a");
        later.decode("token-a");

        assertThat(verifications).hasSize(3);
    }

    @Test
    void neverRemembersATokenWithoutExpiry() {
        JwtDecoder decoder = new VerifiedTokenCache(accepting(null), clockAt(NOW));

        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void neverRemembersARefusedToken() {
        JwtDecoder decoder = new VerifiedTokenCache(token -> {
            verifications.add(token);
            throw new BadJwtException("bad signature");
        }, clockAt(NOW));

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("token-a"));
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("token-a"));
        assertThat(verifications).hasSize(2);
    }

    private JwtDecoder accepting(@Nullable Instant expiresAt) {
        return token -> {
            verifications.add(token);
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("player").issuedAt(NOW.minusSeconds(1))
                    .expiresAt(expiresAt).build();
        };
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
