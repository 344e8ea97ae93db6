package dev.gaia.model.provider;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Map;

import dev.gaia.shared.problem.ProblemException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * What a provider's failure means to Gaia's caller, as a problem with a stable code: the caller
 * learns whose fault it is and whether retrying helps, never the provider's credentials.
 */
public final class ProviderFailures {

    private static final Logger log = LoggerFactory.getLogger(ProviderFailures.class);

    /** Upstream messages are shown to callers, within reason. */
    private static final int MAX_MESSAGE_LENGTH = 500;

    /** The problem property of a {@code model_provider_error} that holds the provider's HTTP status. */
    public static final String UPSTREAM_STATUS = "upstream_status";

    /** The settings of the OpenAI-compatible provider. */
    static final Settings OPENAI = new Settings("GAIA_OPENAI_BASE_URL", "GAIA_OPENAI_API_KEY");

    /** The settings of the OpenAI-compatible server of this name in {@code gaia.model.servers}. */
    static Settings server(String name) {
        String prefix = "GAIA_MODEL_SERVERS_" + name.toUpperCase(Locale.ROOT);
        return new Settings(prefix + "_BASEURL", prefix + "_APIKEY");
    }

    private ProviderFailures() {
    }

    /**
     * The settings a failure's detail tells the operator to check, by their environment variables.
     *
     * @param baseUrlVariable where the provider is, such as {@code GAIA_OPENAI_BASE_URL}
     * @param apiKeyVariable the provider's key, such as {@code GAIA_OPENAI_API_KEY}; none for a provider without keys
     */
    public record Settings(String baseUrlVariable, @Nullable String apiKeyVariable) {
    }

    /** The provider answered with an error status before the first byte of an answer. */
    public static ProblemException failed(Settings settings, HttpStatusCode status, HttpHeaders headers,
            String upstreamMessage) {
        int code = status.value();
        if (code == 401 || code == 403) {
            // The message may quote part of the key: it stays out of logs and answers.
            log.warn("Model provider refused the credentials: HTTP {}", code);
            String check = settings.apiKeyVariable() == null
                    ? "Check that the server at " + settings.baseUrlVariable() + " takes requests without a key."
                    : "Check " + settings.apiKeyVariable() + " and that the key may use the configured model,"
                            + " then restart model-service.";
            return ProblemException.of(HttpStatus.BAD_GATEWAY, "model_provider_auth_failed",
                    "The model provider refused Gaia's credentials (HTTP " + code + "). " + check);
        }
        return failedWith(status, headers, upstreamMessage);
    }

    /** A failure other than refused credentials, by the HTTP status it came with. */
    private static ProblemException failedWith(HttpStatusCode status, HttpHeaders headers, String upstreamMessage) {
        int code = status.value();
        log.warn("Model provider answered HTTP {}: {}", code, upstreamMessage);
        if (code == 429) {
            return ProblemException.tooManyRequests("model_provider_rate_limited",
                    "The model provider is rate limiting Gaia's requests" + quoted(upstreamMessage) + " Retry later.",
                    headers.getFirst(HttpHeaders.RETRY_AFTER));
        }
        if (status.is5xxServerError()) {
            return new ProblemException(HttpStatus.BAD_GATEWAY, "model_provider_error",
                    "The model provider failed to answer (HTTP " + code + ")" + quoted(upstreamMessage),
                    Map.of(UPSTREAM_STATUS, code), HttpHeaders.EMPTY);
        }
        if (status.is4xxClientError()) {
            return ProblemException.of(HttpStatus.BAD_REQUEST, "model_provider_rejected_request",
                    "The model provider rejected the request (HTTP " + code + ")" + quoted(upstreamMessage));
        }
        return new ProblemException(HttpStatus.BAD_GATEWAY, "model_provider_error",
                "The model provider gave an unexpected answer (HTTP " + code + ").", Map.of(UPSTREAM_STATUS, code),
                HttpHeaders.EMPTY);
    }

    /**
     * The provider began a streamed answer with an error event rather than a token, as Anthropic
     * does when it is overloaded after its {@code 200}: the same problem as the HTTP status the
     * error stands for, from its numeric {@code code} (vLLM) or its {@code type}.
     */
    public static ProblemException failedBeforeFirstToken(String provider, JsonNode error) {
        JsonNode code = error.path("code");
        int status = code.isIntegralNumber() && code.intValue() >= 400 && code.intValue() <= 599 ? code.intValue()
                : statusOfErrorType(error.path("type").stringValue(""));
        if (status == 401 || status == 403) {
            log.warn("Model provider {} refused the credentials in its answer's first event", provider);
            return ProblemException.of(HttpStatus.BAD_GATEWAY, "model_provider_auth_failed", "The model provider '"
                    + provider + "' refused Gaia's credentials. Check its key and that the key may use the"
                    + " configured model, then restart model-service.");
        }
        return failedWith(HttpStatusCode.valueOf(status), HttpHeaders.EMPTY,
                error.path("message").stringValue("no reason given"));
    }

    /** The HTTP status Anthropic's and OpenAI's error types are sent with. */
    private static int statusOfErrorType(String type) {
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error", "rate_limit_exceeded", "requests", "tokens" -> 429;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    /** The provider could not be reached, or did not answer in time. */
    public static ProblemException unreachable(Settings settings, Exception ex) {
        if (hasCause(ex, ConnectTimeoutException.class) || hasCause(ex, SocketTimeoutException.class)) {
            log.warn("Model provider timed out: {}", NestedExceptionUtils.getMostSpecificCause(ex).toString());
            return ProblemException.of(HttpStatus.GATEWAY_TIMEOUT, "model_provider_timeout",
                    "The model provider did not answer in time. Check that it is running and reachable"
                            + " from model-service (" + settings.baseUrlVariable() + ").");
        }
        log.warn("Model provider unreachable: {}", NestedExceptionUtils.getMostSpecificCause(ex).toString());
        String reason = hasCause(ex, ConnectException.class) || hasCause(ex, UnknownHostException.class)
                || hasCause(ex, UnresolvedAddressException.class)
                ? "could not be reached" : "broke off the connection";
        return ProblemException.unavailable("model_provider_unavailable",
                "The model provider " + reason + ". Check that it is running and that " + settings.baseUrlVariable()
                        + " points at it.");
    }

    /** The provider's whole answer broke off while it was being read. */
    public static ProblemException brokenAnswer(Exception ex) {
        log.warn("Model provider's answer broke off: {}", ex.getMessage());
        return ProblemException.of(HttpStatus.BAD_GATEWAY, "model_provider_error",
                "The model provider's answer broke off before it was complete.");
    }

    /** The provider answered 2xx with something that is not an OpenAI answer. */
    public static ProblemException invalidAnswer(String what) {
        log.warn("Model provider's answer {}", what);
        return ProblemException.of(HttpStatus.BAD_GATEWAY, "model_provider_error",
                "The model provider's answer " + what + ".");
    }

    private static String quoted(@Nullable String upstreamMessage) {
        if (upstreamMessage == null || upstreamMessage.isBlank()) {
            return ".";
        }
        String message = upstreamMessage.strip();
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + "…";
        }
        return ": " + message + (message.endsWith(".") ? "" : ".");
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
