package dev.gaia.model.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.gaia.model.provider.ProviderFailures;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/** What a provider's problem before its answer started means for its circuit and for a retry. */
final class Failures {

    /** The problems that say the provider is unwell: it cannot be reached, times out or fails (5xx). */
    private static final Set<String> PROVIDER_FAILURES = Set.of("model_provider_unavailable",
            "model_provider_timeout", "model_provider_error");

    /** Bad gateway, unavailable, gateway timeout, and Anthropic's overloaded. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504, 529);

    private Failures() {
    }

    /** Whether the problem counts against the provider's circuit. */
    static boolean countsAgainstProvider(ProblemException problem) {
        return PROVIDER_FAILURES.contains(problem.code());
    }

    /**
     * How long to wait before calling again after the {@code attempt}th call (from 1) failed with
     * this problem, or nothing when a retry would not help: only an unreachable provider, a 502,
     * 503, 504 or 529, and a 429 whose {@code Retry-After} is short are retried, never a timeout.
     */
    static Optional<Duration> retryDelay(ProblemException problem, int attempt, ResilienceProperties.Retries retries) {
        if (attempt >= retries.maxAttempts()) {
            return Optional.empty();
        }
        Duration backoff = retries.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        return switch (problem.code()) {
            case "model_provider_unavailable" -> Optional.of(backoff);
            case "model_provider_error" -> TRANSIENT_STATUSES.contains(
                    problem.properties().getOrDefault(ProviderFailures.UPSTREAM_STATUS, 0)) ? Optional.of(backoff)
                    : Optional.empty();
            case "model_provider_rate_limited" -> {
                Duration retryAfter = retryAfter(problem.headers().getFirst(HttpHeaders.RETRY_AFTER));
                if (retryAfter == null) {
                    yield Optional.of(backoff);
                }
                yield retryAfter.compareTo(retries.maxRetryAfter()) <= 0 ? Optional.of(retryAfter) : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** A {@code Retry-After} in seconds; an HTTP date or anything else counts as absent. */
    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
