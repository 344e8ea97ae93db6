package dev.gaia.model.resilience;

import java.time.Duration;

import dev.gaia.model.provider.ProviderFailures;
import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

    private static final ProviderFailures.Settings SETTINGS = new ProviderFailures.Settings("GAIA_OPENAI_BASE_URL",
            "GAIA_OPENAI_API_KEY");
    private static final ResilienceProperties.Retries RETRIES = new ResilienceProperties.Retries(3,
            Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void retriesAnUnreachableProviderAnd502503504WithAGrowingBackoff() {
        ProblemException unreachable = ProviderFailures.unreachable(SETTINGS, new java.net.ConnectException("refused"));

        assertThat(Failures.retryDelay(unreachable, 1, RETRIES)).contains(Duration.ofMillis(100));
        assertThat(Failures.retryDelay(unreachable, 2, RETRIES)).contains(Duration.ofMillis(200));
        assertThat(Failures.retryDelay(unreachable, 3, RETRIES)).as("the last attempt").isEmpty();
        for (int status : new int[] { 502, 503, 504 }) {
            assertThat(Failures.retryDelay(failed(status, null), 1, RETRIES)).as("HTTP %d", status).isPresent();
        }
    }

    @Test
    void neverRetriesA500AClientErrorOrATimeout() {
        assertThat(Failures.retryDelay(failed(500, null), 1, RETRIES)).isEmpty();
        assertThat(Failures.retryDelay(failed(400, null), 1, RETRIES)).isEmpty();
        assertThat(Failures.retryDelay(failed(401, null), 1, RETRIES)).isEmpty();
        assertThat(Failures.retryDelay(ProviderFailures.unreachable(SETTINGS,
                new org.apache.hc.client5.http.ConnectTimeoutException("slow")), 1, RETRIES)).isEmpty();
        assertThat(Failures.retryDelay(ProviderFailures.brokenAnswer(new java.io.IOException("reset")), 1, RETRIES))
                .as("an answer that broke off names no status").isEmpty();
    }

    @Test
    void namesTheProvidersStatusInTheProblemNotOnlyInItsDetail() {
        assertThat(failed(503, null).properties()).containsEntry(ProviderFailures.UPSTREAM_STATUS, 503);
    }

    @Test
    void retriesA429AfterItsRetryAfterOnlyWhenItIsShort() {
        assertThat(Failures.retryDelay(failed(429, "1"), 1, RETRIES)).contains(Duration.ofSeconds(1));
        assertThat(Failures.retryDelay(failed(429, null), 1, RETRIES)).contains(Duration.ofMillis(100));
        assertThat(Failures.retryDelay(failed(429, "30"), 1, RETRIES)).isEmpty();
    }

    @Test
    void countsOnlyUnreachableTimeoutsAnd5xxAgainstTheProvider() {
        assertThat(Failures.countsAgainstProvider(failed(503, null))).isTrue();
        assertThat(Failures.countsAgainstProvider(ProviderFailures.unreachable(SETTINGS,
                new java.net.ConnectException("refused")))).isTrue();
        assertThat(Failures.countsAgainstProvider(failed(429, null))).isFalse();
        assertThat(Failures.countsAgainstProvider(failed(400, null))).isFalse();
        assertThat(Failures.countsAgainstProvider(failed(401, null))).isFalse();
    }

    private static ProblemException failed(int status, String retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return ProviderFailures.failed(SETTINGS, HttpStatusCode.valueOf(status), headers, "upstream says no");
    }
}
