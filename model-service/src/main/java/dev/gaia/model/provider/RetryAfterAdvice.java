package dev.gaia.model.provider;

import dev.gaia.shared.problem.ProblemDetails;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a rate-limited provider like the shared problem advice does, adding the provider's
 * {@code Retry-After} so that clients (the OpenAI SDKs among them) back off as long as it asked.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryAfterAdvice {

    private final ProblemDetails problems;

    RetryAfterAdvice(ProblemDetails problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProviderRateLimitedException.class)
    ResponseEntity<ProblemDetail> handleRateLimited(ProviderRateLimitedException ex) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
        if (ex.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, ex.retryAfter());
        }
        return response.body(problems.decorate(ex.toProblemDetail(), ex.code()));
    }
}
