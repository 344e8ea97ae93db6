package dev.gaia.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error the gateway itself runs into as a problem detail: a service that cannot
 * be reached is 503, one that does not answer in time 504, one that hangs up mid-answer 502, a
 * path no route serves 404. Ordered before Boot's default handler, which would answer 500 or
 * an HTML page.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a response is already on its way (a stream that broke off): all that is
            // left is to close the connection, which rethrowing does.
            return Mono.error(ex);
        }
        Answer answer = answerFor(exchange, ex);
        return problems.write(exchange, answer.status(), answer.code(), answer.detail());
    }

    private static Answer answerFor(ServerWebExchange exchange, Throwable ex) {
        String path = exchange.getRequest().getPath().value();
        return switch (ex) {
            case ConnectException unreachable -> unavailable(path, unreachable);
            case UnknownHostException unknown -> unavailable(path, unknown);
            case PrematureCloseException hungUp -> {
                log.warn("Service behind {} closed the connection before answering: {}", path, hungUp.getMessage());
                yield new Answer(HttpStatus.BAD_GATEWAY, "bad_gateway",
                        "The service behind this path closed the connection before it answered.");
            }
            case AuthenticationServiceException keysUnavailable -> {
                log.warn("Access token not verifiable: {}", keysUnavailable.getMessage());
                yield new Answer(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "Access tokens cannot be verified right now because auth-service is not reachable."
                                + " Try again shortly.");
            }
            case ResponseStatusException status -> fromStatus(path, status.getStatusCode());
            default -> {
                log.error("Unexpected error on {}", path, ex);
                yield new Answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                        "An unexpected error occurred. Quote the trace id when you report it.");
            }
        };
    }

    private static Answer unavailable(String path, Throwable cause) {
        log.warn("Service behind {} is not reachable: {}", path, cause.getMessage());
        return new Answer(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "The service behind this path is not available. Try again shortly.");
    }

    private static Answer fromStatus(String path, HttpStatusCode statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = statusCode.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> new Answer(status, "not_found", "No API lives at " + path + ".");
            case GATEWAY_TIMEOUT -> {
                log.warn("Service behind {} did not answer in time", path);
                yield new Answer(status, "gateway_timeout", "The service behind this path did not answer in time.");
            }
            case SERVICE_UNAVAILABLE -> new Answer(status, "service_unavailable",
                    "The service behind this path is not available. Try again shortly.");
            default -> new Answer(status, status.name().toLowerCase(Locale.ROOT), status.getReasonPhrase() + ".");
        };
    }

    private record Answer(HttpStatus status, String code, String detail) {
    }
}
