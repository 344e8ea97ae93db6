package dev.gaia.npc.lifestrand;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gaia.shared.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a Life Strand that did not arrive as a validated request body (a merged patch, an
 * edit by another part of the service) with the same Bean Validation rules, and answers a
 * failure as the same {@code validation_failed} problem, naming each field as the client writes
 * it ({@code personality.big_five.openness}).
 */
@Component
class LifeStrandValidator {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    private final Validator validator;

    LifeStrandValidator(Validator validator) {
        this.validator = validator;
    }

    /** @throws ProblemException 400 {@code validation_failed} with {@code errors[{field, message}]} */
    void check(LifeStrand lifeStrand) {
        Set<ConstraintViolation<LifeStrand>> violations = validator.validate(lifeStrand);
        if (violations.isEmpty()) {
            return;
        }
        List<Map<String, String>> errors = violations.stream()
                .map(violation -> Map.of("field", fieldOf(violation.getPropertyPath()),
                        "message", violation.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
                .toList();
        throw new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                "The Life Strand is invalid: see errors.", Map.of("errors", errors), HttpHeaders.EMPTY);
    }

    /** {@code personality.traits[1].<list element>} is {@code personality.traits[1]}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".")
                        .append(WORD_BOUNDARY.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT));
            }
        }
        return field.toString();
    }
}
