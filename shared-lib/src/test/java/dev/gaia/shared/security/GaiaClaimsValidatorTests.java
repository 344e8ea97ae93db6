package dev.gaia.shared.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class GaiaClaimsValidatorTests {

    private final GaiaClaimsValidator validator = new GaiaClaimsValidator();

    @Test
    void acceptsAUserOfAGameWithKnownRoles() {
        Jwt jwt = token(claims -> { });

        assertThat(validator.validate(jwt).hasErrors()).isFalse();
        GaiaPrincipal principal = GaiaPrincipal.from(jwt);
        assertThat(principal.roles()).containsExactly(Roles.DESIGNER);
        assertThat(principal.isDesignerOrAdmin()).isTrue();
        assertThat(principal.toString()).doesNotContain("token-value");
    }

    @Test
    void rejectsTokensWithoutAGame() {
        assertThat(validator.validate(token(claims -> claims.claim(GaiaClaims.GAME_ID, "not-a-uuid"))).hasErrors())
                .isTrue();
    }

    @Test
    void rejectsUnknownRoles() {
        assertThat(validator.validate(token(claims -> claims.claim(GaiaClaims.ROLES, List.of("root")))).hasErrors())
                .isTrue();
    }

    @Test
    void rejectsSubjectsThatAreNotUserIds() {
        assertThat(validator.validate(token(claims -> claims.subject("alice"))).hasErrors()).isTrue();
    }

    private static Jwt token(Consumer<Jwt.Builder> customizer) {
        Jwt.Builder builder = Jwt.withTokenValue("token-value")
                .header("alg", "RS256")
                .issuer(GaiaClaims.ISSUER)
                .subject(UUID.randomUUID().toString())
                .claim(GaiaClaims.GAME_ID, UUID.randomUUID().toString())
                .claim(GaiaClaims.NAME, "designer")
                .claim(GaiaClaims.ROLES, List.of(Roles.DESIGNER))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        customizer.accept(builder);
        return builder.build();
    }
}
