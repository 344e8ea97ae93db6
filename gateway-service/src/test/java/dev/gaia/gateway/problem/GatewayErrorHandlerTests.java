package dev.gaia.gateway.problem;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.tracing.Tracer;
import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

import dev.gaia.shared.problem.ProblemDetails;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayErrorHandlerTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final GatewayErrorHandler handler = new GatewayErrorHandler(new ProblemResponses(
            new ProblemDetails(new StaticListableBeanFactory().getBeanProvider(Tracer.class)), json));

    @Test
    void answersUnreachableServiceWithServiceUnavailable() {
        assertProblem(new ConnectException("Connection refused"), 503, "service_unavailable");
    }

    @Test
    void answersServiceThatDoesNotAcceptInTimeWithServiceUnavailable() {
        assertProblem(new ConnectTimeoutException("connection timed out"), 503, "service_unavailable");
    }

    @Test
    void answersSlowServiceWithGatewayTimeout() {
        assertProblem(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout"),
                504, "gateway_timeout");
    }

    @Test
    void answersUnroutedPathWithNotFound() {
        assertProblem(new ResponseStatusException(HttpStatus.NOT_FOUND), 404, "not_found");
    }

    @Test
    void answersUnverifiableTokenWithServiceUnavailable() {
        assertProblem(new AuthenticationServiceException("JWKS unreachable"), 503, "service_unavailable");
    }

    @Test
    void answersUnexpectedErrorWithoutItsMessage() {
        Map<String, Object> body = assertProblem(new IllegalStateException("secret internals"), 500, "internal_error");
        assertThat(body.toString()).doesNotContain("secret internals");
    }

    private Map<String, Object> assertProblem(Throwable error, int status, String code) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/memories/recent"));

        handler.handle(exchange, error).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(status);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String text = exchange.getResponse().getBodyAsString().block();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(text.getBytes(StandardCharsets.UTF_8), Map.class);
        assertThat(body).containsEntry("type", "https://gaia.dev/problems/" + code)
                .containsEntry("status", status)
                .containsEntry("code", code)
                .containsKeys("title", "detail");
        return body;
    }
}
