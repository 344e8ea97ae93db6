package dev.gaia.model.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How model-service protects itself and its callers from providers, bound from {@code gaia.model.*}.
 *
 * @param timeouts how long a streamed answer may keep the caller waiting
 * @param retries how transient failures before an answer starts are retried
 * @param circuitBreaker when a provider's circuit opens and for how long
 * @param providers each provider's concurrency limits by its name ({@code openai}, {@code anthropic},
 *        {@code ollama}); a provider not named has {@link Limits#DEFAULT the defaults}
 */
@ConfigurationProperties("gaia.model")
public record ResilienceProperties(@DefaultValue Timeouts timeouts, @DefaultValue Retries retries,
        @DefaultValue CircuitBreaker circuitBreaker, @DefaultValue Map<String, Limits> providers) {

    /** The limits of the provider with this name. */
    public Limits limits(String provider) {
        return providers.getOrDefault(provider, Limits.DEFAULT);
    }

    /**
     * @param firstToken how long a streamed answer may take to its first token (the connection's
     *        own timeout, {@code gaia.model.<provider>.connect-timeout}, comes first)
     * @param idleBetweenTokens how long a streamed answer may then stay silent before it is ended
     *        with an error event
     * @param wholeAnswer how long an answer that is not streamed may take in all
     */
    public record Timeouts(@DefaultValue("30s") Duration firstToken, @DefaultValue("30s") Duration idleBetweenTokens,
            @DefaultValue("120s") Duration wholeAnswer) {

        public Timeouts {
            requirePositive("gaia.model.timeouts.first-token", firstToken);
            requirePositive("gaia.model.timeouts.idle-between-tokens", idleBetweenTokens);
            requirePositive("gaia.model.timeouts.whole-answer", wholeAnswer);
        }
    }

    /**
     * @param maxAttempts how many times a call is made at most, the first included; 1 retries nothing
     * @param backoff the wait before a retry, doubled for each further one
     * @param maxRetryAfter the longest {@code Retry-After} of a 429 that is waited for; a longer one
     *        is the caller's (or the role's next model's)
     */
    public record Retries(@DefaultValue("2") int maxAttempts, @DefaultValue("200ms") Duration backoff,
            @DefaultValue("2s") Duration maxRetryAfter) {

        public Retries {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("gaia.model.retries.max-attempts must be at least 1, not "
                        + maxAttempts);
            }
        }
    }

    /**
     * @param failureRateThreshold the percentage of failed calls (unreachable, timeout, 5xx) that opens the circuit
     * @param slidingWindowSize how many of the latest calls the rate is taken over
     * @param minimumNumberOfCalls how many calls the window needs before the rate counts
     * @param waitInOpenState how long an open circuit fails calls at once before it lets a few through
     * @param callsInHalfOpenState how many calls a half-open circuit lets through to decide
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("30s") Duration waitInOpenState, @DefaultValue("3") int callsInHalfOpenState) {

        public CircuitBreaker {
            if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
                throw new IllegalArgumentException("gaia.model.circuit-breaker.failure-rate-threshold must be a"
                        + " percentage above 0, not " + failureRateThreshold);
            }
            if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || callsInHalfOpenState < 1) {
                throw new IllegalArgumentException("gaia.model.circuit-breaker.sliding-window-size,"
                        + " minimum-number-of-calls and calls-in-half-open-state must be at least 1");
            }
            requirePositive("gaia.model.circuit-breaker.wait-in-open-state", waitInOpenState);
        }
    }

    /**
     * @param maxConcurrent how many calls to the provider run at once
     * @param maxQueued how many calls may wait for one of them; more are refused with 429 at once
     * @param maxQueueWait how long a call waits before it is refused with 429
     */
    public record Limits(@DefaultValue("256") int maxConcurrent, @DefaultValue("512") int maxQueued,
            @DefaultValue("5s") Duration maxQueueWait) {

        /** The limits of a provider that has none configured. */
        public static final Limits DEFAULT = new Limits(256, 512, Duration.ofSeconds(5));

        public Limits {
            if (maxConcurrent < 1 || maxQueued < 0) {
                throw new IllegalArgumentException("gaia.model.providers.<name>.max-concurrent must be at least 1"
                        + " and max-queued at least 0, not " + maxConcurrent + " and " + maxQueued);
            }
        }
    }

    private static void requirePositive(String key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, not " + duration);
        }
    }
}
