package dev.gaia.model.local;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roles each game's admins switched at runtime, table {@code model_role_switch}, so that a
 * switch outlasts restarts.
 */
@Repository
class RoleSwitchRepository {

    private final JdbcClient jdbc;

    RoleSwitchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every game's switched roles. */
    List<RoleSwitch> all() {
        return jdbc.sql("select game_id, role, model from model_role_switch").query(RoleSwitch.class).list();
    }

    void save(UUID gameId, String role, String model, UUID switchedBy) {
        jdbc.sql("""
                insert into model_role_switch (game_id, role, model, switched_by, switched_at)
                values (:gameId, :role, :model, :switchedBy, now())
                on conflict (game_id, role) do update
                   set model = excluded.model, switched_by = excluded.switched_by, switched_at = excluded.switched_at""")
                .param("gameId", gameId)
                .param("role", role)
                .param("model", model)
                .param("switchedBy", switchedBy)
                .update();
    }

    void delete(UUID gameId, String role) {
        jdbc.sql("delete from model_role_switch where game_id = :gameId and role = :role")
                .param("gameId", gameId)
                .param("role", role)
                .update();
    }

    /** A game's role and the model that answers it first. */
    record RoleSwitch(UUID gameId, String role, String model) {
    }
}
