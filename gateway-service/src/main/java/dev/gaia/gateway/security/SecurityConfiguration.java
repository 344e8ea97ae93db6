package dev.gaia.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.function.client.WebClient;

import dev.gaia.shared.security.GaiaClaimsValidator;
import dev.gaia.shared.security.GaiaSecurityProperties;

/**
 * The gateway is a stateless OAuth2 resource server: every request but registration, login,
 * the JWKS and health needs a valid access token, which then travels on unchanged in the
 * {@code Authorization} header so each service verifies it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(GaiaSecurityProperties.class)
class SecurityConfiguration {

    private static final int JWKS_CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final Duration JWKS_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ProblemSecurityHandler problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/auth/games", "/api/auth/register", "/api/auth/login")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/auth/.well-known/jwks.json").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /**
     * Fetches auth-service's keys on the first token it sees, not at startup, so the gateway
     * starts before auth-service; keys are cached and fetched again for an unknown key id.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GaiaSecurityProperties properties) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, JWKS_CONNECT_TIMEOUT_MILLIS)
                .responseTimeout(JWKS_RESPONSE_TIMEOUT);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build())
                .build();
        decoder.setJwtValidator(GaiaClaimsValidator.withIssuer(properties.issuer()));
        // Nimbus reports unreachable keys as a bare IllegalStateException; as a JwtException it
        // becomes an AuthenticationServiceException, which the error handler answers with 503.
        return token -> decoder.decode(token).onErrorMap(ex -> !(ex instanceof JwtException),
                ex -> new JwtException("The signing keys of auth-service could not be fetched", ex));
    }
}
