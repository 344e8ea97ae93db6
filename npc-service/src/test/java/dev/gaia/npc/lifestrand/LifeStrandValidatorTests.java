package dev.gaia.npc.lifestrand;

import java.util.List;
import java.util.Map;

import dev.gaia.shared.problem.ProblemException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.StringNode;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LifeStrandValidatorTests {

    private final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private final LifeStrandValidator validator = new LifeStrandValidator(factory.getValidator());

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void namesEveryInvalidFieldAsTheClientWritesIt() {
        LifeStrand invalid = new LifeStrand("", new LifeStrand.Background(-1, null, null, null),
                new LifeStrand.Personality(List.of("curious", ""), null, null,
                        new LifeStrand.BigFive(1.5, 0.5, 0.5, 0.5, 0.5), null, null),
                null, null, Map.of("Marcus Chen", StringNode.valueOf(" ")),
                List.of(LifeStrand.KnowledgeFact.of("k".repeat(1001))), null, null, null, null,
                new LifeStrand.ModelSettings(null, 2.5), null, null, null);

        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> validator.check(invalid));

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.code()).isEqualTo("validation_failed");
        List<?> errors = (List<?>) problem.properties().get("errors");
        assertThat(errors.stream().map(error -> String.valueOf(((Map<?, ?>) error).get("field"))).toList()).containsExactly("background.age", "knowledge[0].text", "model_settings.temperature", "name",
                        "personality.big_five.openness", "personality.traits[1]", "relationships[Marcus Chen]");
    }

    @Test
    void acceptsAValidLifeStrand() {
        LifeStrand bob = new LifeStrand("Bob", new LifeStrand.Background(null, null, null, null),
                new LifeStrand.Personality(null, null, null, null, null, null), null, null, null, null, null, null,
                null, null, null, null, null, null);

        assertThatNoException().isThrownBy(() -> validator.check(bob));
    }
}
