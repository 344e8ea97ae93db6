package dev.gaia.shared.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.http.MockHttpInputMessage;

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
    void answersAValueTheDatabaseRefusesAsTheClientsProblem() {
        RuntimeException nul = new RuntimeException("could not execute statement",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        RuntimeException year = new RuntimeException(new SQLException("timestamp out of range", "22008"));

        assertThat(ProblemDetailsAdvice.unstorableValue(nul)).satisfies(problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.code()).isEqualTo("unsupported_character");
            assertThat(problem.getMessage()).doesNotContain("UTF8");
        });
        assertThat(ProblemDetailsAdvice.unstorableValue(year).code()).isEqualTo("value_out_of_range");
        assertThat(ProblemDetailsAdvice.unstorableValue(new RuntimeException(new SQLException("deadlock", "40P01"))))
                .as("not the client's value").isNull();
        assertThat(ProblemDetailsAdvice.unstorableValue(new IllegalStateException("bug"))).isNull();
    }

    @Test
    void answersADatabaseThatCannotBeReachedAsA503ToRetry() {
        RuntimeException refused = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out",
                        new PSQLException("Connection to 127.0.0.1:5432 refused.",
                                PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        RuntimeException restarting = new DataAccessResourceFailureException("statement failed",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertThat(ProblemDetailsAdvice.databaseUnreachable(refused)).satisfies(problem -> {
            assertThat(problem.status().value()).isEqualTo(503);
            assertThat(problem.code()).isEqualTo("database_unavailable");
            assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("5");
            assertThat(problem.getMessage()).doesNotContain("127.0.0.1");
        });
        assertThat(ProblemDetailsAdvice.databaseUnreachable(restarting).code()).isEqualTo("database_unavailable");
        assertThat(ProblemDetailsAdvice.databaseUnreachable(new RuntimeException(new SQLException("deadlock", "40P01"))))
                .isNull();
        assertThat(ProblemDetailsAdvice.databaseUnreachable(new IllegalStateException("bug"))).isNull();
    }

    record Personality(BigFive bigFive, List<String> traits) {
    }

    record BigFive(double openness) {
    }

    @Test
    void pointsAtTheJsonFieldThatCouldNotBeBound() {
        assertThat(ProblemDetailsAdvice.jsonFieldError(unreadable("{\"big_five\":{\"openness\":0.5,\"openess\":0.5}}")))
                .containsEntry("field", "big_five.openess").containsEntry("message", "is not a known field");
        assertThat(ProblemDetailsAdvice.jsonFieldError(unreadable("{\"traits\":[\"kind\",{}]}")))
                .containsEntry("field", "traits[1]").containsEntry("message", "has the wrong type or format");
        assertThat(ProblemDetailsAdvice.jsonFieldError(unreadable("{\"traits\": "))).isNull();
    }

    private static HttpMessageNotReadableException unreadable(String json) {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            mapper.readValue(json, Personality.class);
            throw new AssertionError("should not bind: " + json);
        }
        catch (JacksonException ex) {
            return new HttpMessageNotReadableException("unreadable", ex, new MockHttpInputMessage(new byte[0]));
        }
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
