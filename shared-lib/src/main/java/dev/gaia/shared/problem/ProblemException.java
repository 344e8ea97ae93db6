package dev.gaia.shared.problem;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a client caused or must know about, answered as an RFC 9457 problem detail.
 * The {@code code} is stable and snake_case; it also names the problem {@code type}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;
    private final HttpHeaders headers;

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of(), HttpHeaders.EMPTY);
    }

    /**
     * @param properties extra members of the problem body
     * @param headers response headers the problem needs, e.g. {@code Retry-After}
     */
    public ProblemException(HttpStatus status, String code, String detail, Map<String, Object> properties,
            HttpHeaders headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    public static ProblemException of(HttpStatus status, String code, String detail) {
        return new ProblemException(status, code, detail);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ProblemException unauthorized(String code, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, code, detail);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    /** 429, with the {@code Retry-After} (seconds or an HTTP date) a client should wait when it is known. */
    public static ProblemException tooManyRequests(String code, String detail, @Nullable String retryAfter) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, code, detail, Map.of(), retryAfter(retryAfter));
    }

    public static ProblemException unavailable(String code, String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
    }

    /** 503, with the {@code Retry-After} (seconds or an HTTP date) a client should wait. */
    public static ProblemException unavailable(String code, String detail, String retryAfter) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, code, detail, Map.of(), retryAfter(retryAfter));
    }

    private static HttpHeaders retryAfter(@Nullable String retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return headers;
    }

    /** The URI that names a problem code, stable across releases. */
    public static URI typeOf(String code) {
        return URI.create("https://gaia.dev/problems/" + code);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** This problem as a {@link ProblemDetail}, with type, title, code and extra properties. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(typeOf(code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
