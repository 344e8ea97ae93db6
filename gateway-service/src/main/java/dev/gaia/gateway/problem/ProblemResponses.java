package dev.gaia.gateway.problem;

import dev.gaia.shared.problem.ProblemDetails;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Writes a problem detail as the whole response of an exchange. */
@Component
public class ProblemResponses {

    private final ProblemDetails problems;
    private final JsonMapper jsonMapper;

    ProblemResponses(ProblemDetails problems, JsonMapper jsonMapper) {
        this.problems = problems;
        this.jsonMapper = jsonMapper;
    }

    /** Answers the exchange with {@code application/problem+json} of this status, code and detail. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ProblemDetail problem = problems.create(status, code, detail);
        byte[] body = jsonMapper.writeValueAsBytes(ProblemDetails.toJsonMembers(problem));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
