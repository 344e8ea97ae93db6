package dev.gaia.shared.security;

import java.io.IOException;

import dev.gaia.shared.problem.ProblemDetails;
import dev.gaia.shared.problem.ServletProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a missing or rejected token (401), a forbidden request (403), and tokens that cannot
 * be checked because the signing keys are unreachable (503) as problem details.
 */
final class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemDetails problems;
    private final ServletProblemWriter writer;

    ProblemSecurityHandler(ProblemDetails problems, ServletProblemWriter writer) {
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException ex) throws IOException {
        if (ex instanceof AuthenticationServiceException) {
            writer.write(response, problems.create(HttpStatus.SERVICE_UNAVAILABLE, "auth_unavailable",
                    "Access tokens cannot be verified right now: auth-service's signing keys are unreachable."));
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        writer.write(response, problems.create(HttpStatus.UNAUTHORIZED, "unauthorized",
                "A valid access token is required: send 'Authorization: Bearer <token>' from /api/auth/login."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException ex) throws IOException {
        writer.write(response, problems.create(HttpStatus.FORBIDDEN, "forbidden",
                "Your role in this game does not allow this request."));
    }
}
