package dev.gaia.shared.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.gaia.shared.problem.ProblemDetails;
import dev.gaia.shared.problem.ServletProblemWriter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every Spring MVC service is an OAuth2 resource server for auth-service's tokens: stateless,
 * every path authenticated except health, API docs and the service's own public paths; roles
 * become {@code ROLE_PLAYER}, {@code ROLE_DESIGNER}, {@code ROLE_ADMIN} for {@code @PreAuthorize}.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class })
@EnableConfigurationProperties(GaiaSecurityProperties.class)
@EnableMethodSecurity
public final class GaiaSecurityAutoConfiguration {

    private static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final String[] ALWAYS_PUBLIC = { "/actuator/health", "/actuator/health/**",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error" };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain gaiaSecurityFilterChain(HttpSecurity http, GaiaSecurityProperties properties,
            ProblemDetails problems, ServletProblemWriter writer) {
        ProblemSecurityHandler problemHandler = new ProblemSecurityHandler(problems, writer);
        List<String> publicPaths = properties.publicPaths();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ALWAYS_PUBLIC).permitAll()
                        .requestMatchers(publicPaths.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(gaiaAuthenticationConverter()))
                        .authenticationEntryPoint(problemHandler)
                        .accessDeniedHandler(problemHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problemHandler)
                        .accessDeniedHandler(problemHandler));
        return http.build();
    }

    /**
     * Keys are fetched on first use and cached, so a service starts even while auth-service does
     * not answer yet; a fetch that fails answers 503 (see {@link ProblemSecurityHandler}).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder gaiaJwtDecoder(GaiaSecurityProperties properties) {
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(JWKS_CONNECT_TIMEOUT);
        requestFactory.setReadTimeout(JWKS_READ_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .restOperations(new RestTemplate(requestFactory))
                .build();
        decoder.setJwtValidator(GaiaClaimsValidator.withIssuer(properties.issuer()));
        return decoder;
    }

    @Bean
    SecurityProblemAdvice securityProblemAdvice(ProblemDetails problems) {
        return new SecurityProblemAdvice(problems);
    }

    @Bean
    WebMvcConfigurer gaiaPrincipalArgumentConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new GaiaPrincipalArgumentResolver());
            }
        };
    }

    /** Tokens whose claims are malformed never get here: {@link GaiaClaimsValidator} rejects them. */
    static Converter<Jwt, AbstractAuthenticationToken> gaiaAuthenticationConverter() {
        return jwt -> new JwtAuthenticationToken(jwt, jwt.getClaimAsStringList(GaiaClaims.ROLES).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                .toList(), jwt.getSubject());
    }
}
