package dev.gaia.shared.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gaia.shared.web.PayloadTooLargeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error of a Spring MVC service as problem details: {@link ProblemException}s
 * as their services meant them, Spring's own errors with a stable code (and field errors for
 * invalid input), anything unexpected as a bare 500 that reveals nothing but the trace id.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now. */
    private static final Set<String> DATABASE_STOPPING_OR_STARTING = Set.of("57P01", "57P02", "57P03");

    /** Seconds a client is asked to wait when the database cannot be reached: about a PostgreSQL restart. */
    private static final String DATABASE_RETRY_AFTER = "5";

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    private final ProblemDetails problems;

    public ProblemDetailsAdvice(ProblemDetails problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
        ProblemDetail problem = problems.decorate(ex.toProblemDetail(), ex.code());
        return ResponseEntity.status(ex.status()).headers(ex.headers()).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        ProblemException unstorable = unstorableValue(ex);
        if (unstorable != null) {
            return handleProblem(unstorable);
        }
        ProblemException unreachable = databaseUnreachable(ex);
        if (unreachable != null) {
            log.warn("The database cannot be reached: {}", NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
            return handleProblem(unreachable);
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred. Quote the trace id when you report it.");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * The client's problem when the database refused a value of the request as data (SQLSTATE class
     * 22): a NUL character in a text, a date or number out of range, a text too long for its column.
     * Validation should refuse these first; this keeps any it misses a 400 that stores nothing (the
     * failed statement rolls back its transaction) rather than a 500.
     */
    static @Nullable ProblemException unstorableValue(Throwable ex) {
        if (!(NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException sql) || sql.getSQLState() == null
                || !sql.getSQLState().startsWith("22")) {
            return null;
        }
        return switch (sql.getSQLState()) {
            case "22021", "22P05" -> ProblemException.badRequest("unsupported_character", "A text of the request"
                    + " contains a character that cannot be stored, such as the NUL character (U+0000).");
            case "22008", "22003" -> ProblemException.badRequest("value_out_of_range",
                    "A date, time or number of the request is outside the range that can be stored.");
            case "22001" -> ProblemException.badRequest("value_too_long", "A text of the request is too long.");
            default -> ProblemException.badRequest("unstorable_value", "A value of the request cannot be stored.");
        };
    }

    /**
     * A 503 the client may retry, rather than a 500, when the database cannot be reached: no
     * connection to be had (SQLSTATE class 08, or the pool timed out waiting for one) or the server
     * shutting down or starting up (57P01 to 57P03), as while PostgreSQL restarts.
     */
    static @Nullable ProblemException databaseUnreachable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLException sql
                    && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                            || DATABASE_STOPPING_OR_STARTING.contains(sql.getSQLState()))) {
                return ProblemException.unavailable("database_unavailable",
                        "The database cannot be reached just now. Try again shortly.", DATABASE_RETRY_AFTER);
            }
        }
        return null;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        problems.decorate(problem, codeFor(ex, statusCode));
        switch (ex) {
            case MethodArgumentNotValidException invalid -> {
                problem.setDetail("The request is invalid: see errors.");
                problem.setProperty("errors", fieldErrors(invalid.getBindingResult()));
            }
            case HandlerMethodValidationException invalid -> {
                problem.setDetail("The request is invalid: see errors.");
                problem.setProperty("errors", invalid.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                                "field", toSnakeCase(result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                        .toList());
            }
            case HttpMessageNotReadableException tooLarge when causedBy(tooLarge, PayloadTooLargeException.class) -> {
                problem.setStatus(HttpStatus.CONTENT_TOO_LARGE);
                problem.setTitle(HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
                problems.decorate(problem, "payload_too_large");
                problem.setDetail(tooLarge.getMostSpecificCause().getMessage());
                return super.handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
            case HttpMessageNotReadableException unreadable -> {
                Map<String, String> fieldError = jsonFieldError(unreadable);
                if (fieldError == null) {
                    problem.setDetail("The request body is missing or is not valid JSON of the expected shape.");
                }
                else {
                    problem.setDetail("The request body has a field that cannot be accepted: see errors.");
                    problem.setProperty("errors", List.of(fieldError));
                }
            }
            case TypeMismatchException mismatch -> problem.setDetail("The value of '"
                    + toSnakeCase(mismatch.getPropertyName()) + "' is not valid.");
            default -> { }
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case MethodArgumentNotValidException e -> "validation_failed";
            case HandlerMethodValidationException e -> "validation_failed";
            case HttpMessageNotReadableException e -> "malformed_request";
            case TypeMismatchException e -> "invalid_parameter";
            case MissingServletRequestParameterException e -> "missing_parameter";
            case NoResourceFoundException e -> "not_found";
            case HttpRequestMethodNotSupportedException e -> "method_not_allowed";
            case HttpMediaTypeNotSupportedException e -> "unsupported_media_type";
            case HttpMediaTypeNotAcceptableException e -> "not_acceptable";
            case MaxUploadSizeExceededException e -> "payload_too_large";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known != null ? known.name().toLowerCase() : "error";
            }
        };
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The field a JSON body could not be bound at, by its JSON path, or null when the JSON itself is broken. */
    static @Nullable Map<String, String> jsonFieldError(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof DatabindException bindingError) || bindingError.getPath().isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : bindingError.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        String message = switch (bindingError) {
            case UnrecognizedPropertyException unknown -> "is not a known field";
            case MismatchedInputException mismatch -> "has the wrong type or format";
            default -> "is not valid";
        };
        return Map.of("field", field.toString(), "message", message);
    }

    private static List<Map<String, String>> fieldErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(ProblemDetailsAdvice::toFieldError)
                .toList();
    }

    private static Map<String, String> toFieldError(FieldError error) {
        return Map.of("field", toSnakeCase(error.getField()),
                "message", String.valueOf(error.getDefaultMessage()));
    }

    /** Field paths as the client wrote them: {@code personality.bigFive} is {@code personality.big_five}. */
    static String toSnakeCase(@Nullable String path) {
        if (path == null) {
            return "";
        }
        StringBuilder snake = new StringBuilder();
        for (String segment : path.split("\\.")) {
            if (!snake.isEmpty()) {
                snake.append('.');
            }
            int index = segment.indexOf('[');
            String name = index < 0 ? segment : segment.substring(0, index);
            snake.append(WORD_BOUNDARY.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT));
            if (index >= 0) {
                snake.append(segment.substring(index));
            }
        }
        return snake.toString();
    }
}
