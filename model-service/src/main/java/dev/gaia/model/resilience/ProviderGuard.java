package dev.gaia.model.resilience;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.gaia.shared.problem.ProblemException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's circuit breaker and limit of concurrent calls. A call first takes a
 * {@linkplain #acquire() permit}, waiting in a bounded queue for at most the configured time,
 * and gives it back exactly once when it ends; each attempt to open an answer then goes
 * {@linkplain #throughCircuit(Supplier) through the circuit}.
 */
final class ProviderGuard {

    private static final Logger log = LoggerFactory.getLogger(ProviderGuard.class);

    private final String provider;
    private final ResilienceProperties.Limits limits;
    private final CircuitBreaker circuit;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration waitInOpenState;

    ProviderGuard(String provider, ResilienceProperties.Limits limits, ResilienceProperties.CircuitBreaker breaker) {
        this.provider = provider;
        this.limits = limits;
        this.permits = new Semaphore(limits.maxConcurrent(), true);
        this.waitInOpenState = breaker.waitInOpenState();
        this.circuit = CircuitBreaker.of(provider, CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.callsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        circuit.getEventPublisher().onStateTransition(event -> log.info("Model provider {}: circuit {}", provider,
                event.getStateTransition()));
    }

    /** A permit to call the provider; {@link Permit#release()} gives it back, at most once. */
    @FunctionalInterface
    interface Permit {

        void release();
    }

    /**
     * Takes a permit, waiting behind at most {@code max-queued} other calls for at most
     * {@code max-queue-wait}; otherwise refuses the call with a 429 {@code model_concurrency_limit}.
     */
    Permit acquire() {
        if (!permits.tryAcquire()) {
            if (waiting.incrementAndGet() > limits.maxQueued()) {
                waiting.decrementAndGet();
                throw busy("already has " + limits.maxQueued() + " more waiting");
            }
            try {
                if (!permits.tryAcquire(limits.maxQueueWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy("had no room within " + limits.maxQueueWait().toMillis() + " ms");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable("model_service_shutting_down",
                        "model-service stopped while the call waited for the model provider; retry it.");
            }
            finally {
                waiting.decrementAndGet();
            }
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
    }

    /**
     * Opens an answer through the circuit: while it is open the call fails at once with 503
     * {@code model_provider_circuit_open}; otherwise the outcome is recorded, a provider failure
     * (unreachable, timeout, 5xx) as a failure and anything else as the provider answering.
     */
    <T> T throughCircuit(Supplier<T> call) {
        if (!circuit.tryAcquirePermission()) {
            throw ProblemException.unavailable("model_provider_circuit_open", "The model provider '" + provider
                    + "' failed too often lately, so Gaia stopped calling it for a while (up to "
                    + waitInOpenState.toSeconds() + " s). Check that it is running and reachable; calls are let through again after that.");
        }
        long start = System.nanoTime();
        try {
            T answer = call.get();
            circuit.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return answer;
        }
        catch (ProblemException ex) {
            if (Failures.countsAgainstProvider(ex)) {
                circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
            }
            else {
                circuit.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            throw ex;
        }
        catch (RuntimeException | Error ex) {
            circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
            throw ex;
        }
    }

    private ProblemException busy(String why) {
        long seconds = Math.max(1, (limits.maxQueueWait().toMillis() + 999) / 1000);
        log.info("Model provider {} refused a call: {} concurrent calls run and the queue {}", provider,
                limits.maxConcurrent(), why);
        return ProblemException.tooManyRequests("model_concurrency_limit", "Gaia is already making "
                + limits.maxConcurrent() + " concurrent calls to the model provider '" + provider
                + "' and the queue for it " + why + ". Retry after " + seconds + " s, or raise"
                + " gaia.model.providers." + provider + ".max-concurrent.", Long.toString(seconds));
    }
}
