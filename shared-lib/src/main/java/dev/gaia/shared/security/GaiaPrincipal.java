package dev.gaia.shared.security;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The verified caller of a request: a user of one game with that game's roles. Controllers
 * take it as a parameter; it exists only for requests whose access token was verified.
 *
 * @param userId the user ({@code sub} claim)
 * @param gameId the game (tenant) every query of this request is scoped to
 * @param name the user's name
 * @param roles the user's roles in the game, of {@link Roles}
 * @param bearerToken the access token, forwarded when this service calls another
 */
public record GaiaPrincipal(UUID userId, UUID gameId, String name, Set<String> roles, String bearerToken) {

    public GaiaPrincipal {
        roles = Set.copyOf(roles);
    }

    /** The principal of a token that {@link GaiaClaimsValidator} has accepted. */
    public static GaiaPrincipal from(Jwt jwt) {
        return new GaiaPrincipal(UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString(GaiaClaims.GAME_ID)),
                String.valueOf(jwt.getClaimAsString(GaiaClaims.NAME)),
                Set.copyOf(jwt.getClaimAsStringList(GaiaClaims.ROLES)),
                jwt.getTokenValue());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Designers and admins shape a game's characters and may see every player's data in it. */
    public boolean isDesignerOrAdmin() {
        return hasRole(Roles.DESIGNER) || hasRole(Roles.ADMIN);
    }

    @Override
    public String toString() {
        return "GaiaPrincipal[userId=" + userId + ", gameId=" + gameId + ", name=" + name + ", roles=" + roles + "]";
    }
}
