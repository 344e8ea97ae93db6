package dev.gaia.npc.lifestrand;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.gaia.shared.problem.ProblemException;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a Life Strand that did not arrive as a validated request body (a merged patch, an
 * edit by another part of the service, an imported card) with the same Bean Validation rules,
 * and answers a failure as the same {@code validation_failed} problem, naming each field as the
 * client writes it ({@code personality.big_five.openness}).
 */
@Component
public class LifeStrandValidator {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    private final Validator validator;

    LifeStrandValidator(Validator validator) {
        this.validator = validator;
    }

    /** @throws ProblemException 400 {@code validation_failed} with {@code errors[{field, message}]} */
    void check(LifeStrand lifeStrand) {
        List<Map<String, String>> errors = errors(lifeStrand, UnaryOperator.identity());
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "The Life Strand is invalid: see errors.", Map.of("errors", errors), HttpHeaders.EMPTY);
        }
    }

    /**
     * What is wrong with {@code lifeStrand}, for a feature that answers it with its own problem:
     * each violation as {@code {field, message}}, ordered by field; empty if it is valid.
     *
     * @param fieldName renames each field from the Life Strand's JSON name
     *        ({@code knowledge[3].text}) to the one the caller's client knows
     */
    public List<Map<String, String>> errors(LifeStrand lifeStrand, UnaryOperator<String> fieldName) {
        return validator.validate(lifeStrand).stream()
                .map(violation -> Map.of("field", fieldName.apply(fieldOf(violation.getPropertyPath())),
                        "message", violation.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
                .toList();
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
