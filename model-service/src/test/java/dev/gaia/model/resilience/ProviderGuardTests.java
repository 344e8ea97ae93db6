package dev.gaia.model.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProviderGuardTests {

    private static final ResilienceProperties.CircuitBreaker BREAKER = new ResilienceProperties.CircuitBreaker(50, 4,
            4, Duration.ofMinutes(1), 1);

    @Test
    void opensTheCircuitAfterEnoughFailuresAndThenFailsFastWithoutCalling() {
        ProviderGuard guard = new ProviderGuard("openai", ResilienceProperties.Limits.DEFAULT, BREAKER);
        AtomicInteger calls = new AtomicInteger();

        for (int i = 0; i < 4; i++) {
            assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> guard.throughCircuit(() -> {
                calls.incrementAndGet();
                throw ProblemException.unavailable("model_provider_unavailable", "down");
            }));
        }

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> guard.throughCircuit(calls::incrementAndGet))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("model_provider_circuit_open");
                });
        assertThat(calls).hasValue(4);
    }

    @Test
    void keepsTheCircuitClosedForProblemsThatAreNotTheProvidersFault() {
        ProviderGuard guard = new ProviderGuard("openai", ResilienceProperties.Limits.DEFAULT, BREAKER);

        for (int i = 0; i < 8; i++) {
            assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> guard.throughCircuit(() -> {
                throw ProblemException.badRequest("model_provider_rejected_request", "bad");
            }));
        }

        assertThat(guard.throughCircuit(() -> "answered")).as("the circuit is still closed").isEqualTo("answered");
    }

    @Test
    void refusesACallWith429AndRetryAfterWhenEveryPermitIsTakenAndTheQueueIsFull() {
        ProviderGuard guard = new ProviderGuard("ollama", new ResilienceProperties.Limits(2, 0, Duration.ofMillis(1500)),
                BREAKER);
        ProviderGuard.Permit first = guard.acquire();
        ProviderGuard.Permit second = guard.acquire();

        assertThatExceptionOfType(ProblemException.class).isThrownBy(guard::acquire).satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(problem.code()).isEqualTo("model_concurrency_limit");
            assertThat(problem.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(problem.getMessage()).contains("gaia.model.providers.ollama.max-concurrent");
        });

        first.release();
        first.release();
        ProviderGuard.Permit third = guard.acquire();
        assertThatExceptionOfType(ProblemException.class).as("a permit is given back once only")
                .isThrownBy(guard::acquire);
        second.release();
        third.release();
    }

    @Test
    void letsAQueuedCallInWhenAPermitComesBackInTime() throws Exception {
        ProviderGuard guard = new ProviderGuard("ollama", new ResilienceProperties.Limits(1, 1, Duration.ofSeconds(5)),
                BREAKER);
        ProviderGuard.Permit held = guard.acquire();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            held.release();
        });

        guard.acquire().release();
    }

    @Test
    void givesUpWaitingInTheQueueAfterTheMaximumWait() {
        ProviderGuard guard = new ProviderGuard("ollama", new ResilienceProperties.Limits(1, 1,
                Duration.ofMillis(100)), BREAKER);
        guard.acquire();

        long start = System.nanoTime();
        assertThatExceptionOfType(ProblemException.class).isThrownBy(guard::acquire)
                .satisfies(problem -> assertThat(problem.code()).isEqualTo("model_concurrency_limit"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }
}
