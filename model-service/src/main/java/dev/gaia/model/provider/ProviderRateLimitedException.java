package dev.gaia.model.provider;

import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/** The provider answered 429: the caller gets 429 too, with the provider's {@code Retry-After}. */
final class ProviderRateLimitedException extends ProblemException {

    private final @Nullable String retryAfter;

    ProviderRateLimitedException(@Nullable String retryAfter, String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS, "model_provider_rate_limited", detail);
        this.retryAfter = retryAfter;
    }

    /** The provider's {@code Retry-After} value (seconds or an HTTP date), if it sent one. */
    @Nullable String retryAfter() {
        return retryAfter;
    }
}
