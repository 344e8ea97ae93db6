package dev.gaia.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.gaia.shared.security.GaiaClaims;
import dev.gaia.shared.security.GaiaClaimsValidator;

/**
 * Verifies this service's own tokens against the key table instead of fetching its own JWKS
 * over HTTP; shared-lib's resource-server chain uses this decoder in place of its remote one.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerificationConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                (selector, context) -> selector.select(keys.publicKeys())));
        // Expiry, issuer and claims are checked by Spring Security's validators below.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(GaiaClaimsValidator.withIssuer(GaiaClaims.ISSUER));
        return decoder;
    }
}
