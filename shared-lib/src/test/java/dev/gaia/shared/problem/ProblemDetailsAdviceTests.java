package dev.gaia.shared.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTests {

    @Test
    void namesInvalidFieldsAsTheClientWroteThem() {
        assertThat(ProblemDetailsAdvice.toSnakeCase("personality.bigFive.openness"))
                .isEqualTo("personality.big_five.openness");
        assertThat(ProblemDetailsAdvice.toSnakeCase("knowledge[3]")).isEqualTo("knowledge[3]");
        assertThat(ProblemDetailsAdvice.toSnakeCase("currentStatus.moodLabel[0].x"))
                .isEqualTo("current_status.mood_label[0].x");
        assertThat(ProblemDetailsAdvice.toSnakeCase(null)).isEmpty();
    }

    @Test
    void problemExceptionCarriesItsStableTypeAndCode() {
        var problem = ProblemException.notFound("npc_not_found", "No such NPC").toProblemDetail();

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).hasToString("https://gaia.dev/problems/npc_not_found");
        assertThat(problem.getTitle()).isEqualTo("Not Found");
        assertThat(problem.getProperties()).containsEntry("code", "npc_not_found");
    }
}
