package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The games' own budgets, table {@code game_budget}. */
@Repository
class GameBudgetRepository {

    private final JdbcClient jdbc;

    GameBudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BigDecimal> find(UUID gameId) {
        return jdbc.sql("select monthly_usd from game_budget where game_id = :gameId")
                .param("gameId", gameId)
                .query(BigDecimal.class)
                .optional();
    }

    void save(UUID gameId, BigDecimal monthlyUsd, UUID updatedBy, Instant updatedAt) {
        jdbc.sql("""
                insert into game_budget (game_id, monthly_usd, updated_by, updated_at)
                values (:gameId, :monthlyUsd, :updatedBy, :updatedAt)
                on conflict (game_id) do update
                   set monthly_usd = excluded.monthly_usd, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at""")
                .param("gameId", gameId)
                .param("monthlyUsd", monthlyUsd)
                .param("updatedBy", updatedBy)
                .param("updatedAt", OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
                .update();
    }
}
