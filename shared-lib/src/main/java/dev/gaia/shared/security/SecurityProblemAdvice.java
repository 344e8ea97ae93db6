package dev.gaia.shared.security;

import dev.gaia.shared.problem.ProblemDetails;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Method-security refusals ({@code @PreAuthorize}) raised inside controllers, as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SecurityProblemAdvice {

    private final ProblemDetails problems;

    SecurityProblemAdvice(ProblemDetails problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.create(HttpStatus.FORBIDDEN, "forbidden",
                "Your role in this game does not allow this request."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleUnauthenticated(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .body(problems.create(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required."));
    }
}
