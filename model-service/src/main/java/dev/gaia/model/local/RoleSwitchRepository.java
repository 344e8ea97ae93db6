package dev.gaia.model.local;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roles switched at runtime, table {@code model_role_switch}, so that a switch outlasts restarts. */
@Repository
class RoleSwitchRepository {

    private final JdbcClient jdbc;

    RoleSwitchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every switched role and the model that answers it first. */
    Map<String, String> all() {
        return jdbc.sql("select role, model from model_role_switch")
                .query((row, number) -> Map.entry(row.getString("role"), row.getString("model")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void save(String role, String model, UUID gameId, UUID switchedBy) {
        jdbc.sql("""
                insert into model_role_switch (role, model, game_id, switched_by, switched_at)
                values (:role, :model, :gameId, :switchedBy, now())
                on conflict (role) do update
                   set model = excluded.model, game_id = excluded.game_id, switched_by = excluded.switched_by,
                       switched_at = excluded.switched_at""")
                .param("role", role)
                .param("model", model)
                .param("gameId", gameId)
                .param("switchedBy", switchedBy)
                .update();
    }

    void delete(String role) {
        jdbc.sql("delete from model_role_switch where role = :role").param("role", role).update();
    }
}
