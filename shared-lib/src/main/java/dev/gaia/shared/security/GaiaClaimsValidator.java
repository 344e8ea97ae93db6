package dev.gaia.shared.security;

import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * Accepts only tokens whose user, game and roles are well formed, so no request fails later on
 * them. Part of every Gaia {@code JwtDecoder}, including one a service builds itself.
 */
public final class GaiaClaimsValidator implements OAuth2TokenValidator<Jwt> {

    /** Everything a Gaia service checks in a token: signature time window, issuer, and these claims. */
    public static OAuth2TokenValidator<Jwt> withIssuer(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new GaiaClaimsValidator());
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(GaiaClaims.ROLES);
        boolean valid = isUuid(jwt.getSubject())
                && isUuid(jwt.getClaimAsString(GaiaClaims.GAME_ID))
                && roles != null && !roles.isEmpty() && Roles.ALL.containsAll(roles);
        return valid ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token does not name a user, a game and known roles", null));
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
