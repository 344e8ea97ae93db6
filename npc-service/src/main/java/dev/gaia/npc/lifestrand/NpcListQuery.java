package dev.gaia.npc.lifestrand;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.gaia.npc.paging.PageCursor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists a game's live characters with the filters of {@code GET /api/npcs}, in creation order
 * from a keyset position on. Filters look into the Life Strand's JSON, so the statement is built
 * from the filters given, each bound as a parameter.
 */
@Component
class NpcListQuery {

    /** A listed character and whether players see it. */
    record Row(NpcView view, boolean visibleToPlayers) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    NpcListQuery(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    List<Row> page(UUID gameId, boolean playersOnly, NpcFilter filter, @Nullable PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, game_id, version, life_strand::text as life_strand, visible_to_players, created_at, updated_at
                from npc where game_id = :gameId and deleted_at is null""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("gameId", gameId);
        if (playersOnly) {
            sql.append(" and visible_to_players");
        }
        if (after != null) {
            sql.append(" and (created_at, id) > (:afterCreatedAt, :afterId)");
            params.put("afterCreatedAt", OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        if (filter.name() != null) {
            sql.append(" and name ilike :name escape '\\'");
            params.put("name", contains(filter.name()));
        }
        if (filter.tag() != null) {
            sql.append(" and exists (select 1 from jsonb_array_elements_text(life_strand -> 'tags') tag"
                    + " where lower(tag) = lower(:tag))");
            params.put("tag", filter.tag());
        }
        if (filter.occupation() != null) {
            sql.append(" and life_strand -> 'background' ->> 'occupation' ilike :occupation escape '\\'");
            params.put("occupation", contains(filter.occupation()));
        }
        if (filter.location() != null) {
            sql.append(" and (life_strand -> 'background' ->> 'location' ilike :location escape '\\'"
                    + " or life_strand -> 'current_status' ->> 'location' ilike :location escape '\\')");
            params.put("location", contains(filter.location()));
        }
        sql.append(" order by created_at, id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /** Which of {@code npcIds} are live characters of the game (and, for players, visible to them). */
    Set<UUID> readable(UUID gameId, boolean playersOnly, Collection<UUID> npcIds) {
        if (npcIds.isEmpty()) {
            return Set.of();
        }
        String sql = "select id from npc where game_id = :gameId and deleted_at is null and id in (:ids)"
                + (playersOnly ? " and visible_to_players" : "");
        return new HashSet<>(jdbc.sql(sql).param("gameId", gameId).param("ids", List.copyOf(npcIds))
                .query(UUID.class).list());
    }

    private Row row(ResultSet rs, int rowNum) throws SQLException {
        NpcView view = new NpcView(rs.getObject("id", UUID.class), rs.getObject("game_id", UUID.class),
                rs.getLong("version"), jsonMapper.readValue(rs.getString("life_strand"), LifeStrand.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
        return new Row(view, rs.getBoolean("visible_to_players"));
    }

    /** An ILIKE pattern matching {@code text} anywhere, with its own wildcards taken literally. */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
