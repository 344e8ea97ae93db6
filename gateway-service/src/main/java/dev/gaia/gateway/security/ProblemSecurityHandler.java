package dev.gaia.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.gaia.gateway.problem.ProblemResponses;

/**
 * Answers a request without a usable token (401) or without the right to what it asks (403) as
 * a problem detail, with the {@code WWW-Authenticate} challenge of RFC 6750.
 */
@Component
class ProblemSecurityHandler implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemSecurityHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean rejected = ex instanceof InvalidBearerTokenException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                rejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = rejected
                ? "The access token is invalid or has expired. Log in again at /api/auth/login."
                : "A valid access token is required: send 'Authorization: Bearer <token>' from /api/auth/login.";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException ex) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                "Your role in this game does not allow this request.");
    }
}
