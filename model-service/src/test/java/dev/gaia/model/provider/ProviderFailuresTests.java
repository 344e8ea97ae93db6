package dev.gaia.model.provider;

import java.io.IOException;
import java.net.ConnectException;

import dev.gaia.shared.problem.ProblemException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;

import static dev.gaia.model.provider.ProviderFailures.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;

class ProviderFailuresTests {

    @Test
    void refusedCredentialsAreTheGatewaysProblemAndNeverQuoteTheProvider() {
        ProblemException problem = ProviderFailures.failed(OPENAI, HttpStatusCode.valueOf(401), new HttpHeaders(),
                "Incorrect API key provided: sk-abc***xyz");

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(problem.code()).isEqualTo("model_provider_auth_failed");
        assertThat(problem.getMessage()).contains("GAIA_OPENAI_API_KEY").doesNotContain("sk-abc");
        assertThat(ProviderFailures.failed(OPENAI, HttpStatusCode.valueOf(403), new HttpHeaders(), "").code())
                .isEqualTo("model_provider_auth_failed");
    }

    @Test
    void rateLimitingKeepsTheProvidersRetryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "20");

        ProblemException problem = ProviderFailures.failed(OPENAI, HttpStatusCode.valueOf(429), headers, "Slow down");

        assertThat(problem.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
        assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.code()).isEqualTo("model_provider_rate_limited");
    }

    @Test
    void serverErrorsAreBadGatewayWithTheProvidersMessage() {
        ProblemException problem = ProviderFailures.failed(OPENAI, HttpStatusCode.valueOf(503), new HttpHeaders(),
                "The engine is currently overloaded");

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(problem.code()).isEqualTo("model_provider_error");
        assertThat(problem.getMessage()).contains("HTTP 503", "The engine is currently overloaded.");
    }

    @Test
    void anErrorThatBeganAStreamIsTheProblemOfTheStatusItStandsFor() {
        JsonMapper json = JsonMapper.shared();

        ProblemException overloaded = ProviderFailures.failedBeforeFirstToken("anthropic",
                json.readTree("{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}"));
        ProblemException rejected = ProviderFailures.failedBeforeFirstToken("openai",
                json.readTree("{\"object\":\"error\",\"type\":\"BadRequestError\",\"code\":400,"
                        + "\"message\":\"This model's maximum context length is 4096 tokens.\"}"));
        ProblemException refused = ProviderFailures.failedBeforeFirstToken("anthropic",
                json.readTree("{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key sk-ant-123\"}"));

        assertThat(overloaded.code()).isEqualTo("model_provider_error");
        assertThat(overloaded.properties()).containsEntry(ProviderFailures.UPSTREAM_STATUS, 529);
        assertThat(overloaded.getMessage()).contains("Overloaded");
        assertThat(rejected.code()).isEqualTo("model_provider_rejected_request");
        assertThat(refused.code()).isEqualTo("model_provider_auth_failed");
        assertThat(refused.getMessage()).doesNotContain("sk-ant");
        assertThat(ProviderFailures.failedBeforeFirstToken("openai", json.readTree("{\"message\":\"?\"}")).code())
                .isEqualTo("model_provider_error");
    }

    @Test
    void otherRejectionsAreTheCallersBadRequest() {
        ProblemException problem = ProviderFailures.failed(OPENAI, HttpStatusCode.valueOf(404), new HttpHeaders(),
                "The model `gpt-5-mega` does not exist");

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.code()).isEqualTo("model_provider_rejected_request");
        assertThat(problem.getMessage()).contains("gpt-5-mega");
    }

    @Test
    void aLongProviderMessageIsCut() {
        ProblemException problem = ProviderFailures.failed(OPENAI, HttpStatusCode.valueOf(500), new HttpHeaders(),
                "x".repeat(10_000));

        assertThat(problem.getMessage()).hasSizeLessThan(700);
    }

    @Test
    void aRefusedConnectionIsUnavailableAndATimeoutIsATimeout() {
        ProblemException refused = ProviderFailures.unreachable(OPENAI, 
                new ResourceAccessException("I/O error", new ConnectException("Connection refused")));
        ProblemException timedOut = ProviderFailures.unreachable(OPENAI, 
                new ResourceAccessException("I/O error", new ConnectTimeoutException("connect timed out")));
        ProblemException reset = ProviderFailures.unreachable(OPENAI, new IOException("Connection reset"));

        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.code()).isEqualTo("model_provider_unavailable");
        assertThat(refused.getMessage()).contains("could not be reached");
        assertThat(timedOut.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(timedOut.code()).isEqualTo("model_provider_timeout");
        assertThat(reset.code()).isEqualTo("model_provider_unavailable");
    }
}
