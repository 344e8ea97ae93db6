package dev.gaia.shared.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds Gaia's problem details: a stable {@code type} and {@code code}, a title, and the
 * trace id of the current request so that a client's report can be found in the logs.
 */
public final class ProblemDetails {

    private final ObjectProvider<Tracer> tracer;

    public ProblemDetails(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** A new problem with the given status, code and human-readable detail. */
    public ProblemDetail create(HttpStatusCode status, String code, String detail) {
        return decorate(ProblemDetail.forStatusAndDetail(status, detail), code);
    }

    /** Gives a problem its stable type and code, a title if it has none, and the trace id. */
    public ProblemDetail decorate(ProblemDetail problem, String code) {
        problem.setType(ProblemException.typeOf(code));
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        problem.setProperty("code", code);
        String traceId = currentTraceId();
        if (traceId != null) {
            problem.setProperty("trace_id", traceId);
        }
        return problem;
    }

    /** The problem as the JSON members of {@code application/problem+json}, in RFC order. */
    public static Map<String, Object> toJsonMembers(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    private @Nullable String currentTraceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current != null ? current.currentSpan() : null;
        return span != null ? span.context().traceId() : null;
    }
}
