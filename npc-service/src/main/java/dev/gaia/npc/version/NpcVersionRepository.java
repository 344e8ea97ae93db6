package dev.gaia.npc.version;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.NpcRevised;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code npc_version} table; every statement names the game. The Life Strand is stored as
 * the API's own JSON, so a version reads back exactly as it was written.
 */
@Repository
class NpcVersionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    NpcVersionRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    void insert(NpcRevised revision) {
        jdbc.sql("""
                insert into npc_version (game_id, npc_id, version, life_strand, reason, note, actor_id, created_at)
                values (:gameId, :npcId, :version, cast(:lifeStrand as jsonb), :reason, :note, :actorId, :createdAt)""")
                .param("gameId", revision.gameId())
                .param("npcId", revision.npcId())
                .param("version", revision.version())
                .param("lifeStrand", jsonMapper.writeValueAsString(revision.lifeStrand()))
                .param("reason", revision.reason().name())
                .param("note", revision.note(), Types.VARCHAR)
                .param("actorId", revision.actorId(), Types.OTHER)
                .param("createdAt", OffsetDateTime.ofInstant(revision.at(), ZoneOffset.UTC))
                .update();
    }

    Optional<NpcVersion> find(UUID gameId, UUID npcId, long version) {
        return jdbc.sql("""
                select npc_id, version, reason, note, actor_id, created_at, life_strand::text as life_strand
                from npc_version where game_id = :gameId and npc_id = :npcId and version = :version""")
                .param("gameId", gameId)
                .param("npcId", npcId)
                .param("version", version)
                .query(this::version)
                .optional();
    }

    /** Up to {@code limit} versions older than {@code before}, newest first. */
    List<VersionSummary> page(UUID gameId, UUID npcId, long before, int limit) {
        return jdbc.sql("""
                select version, reason, note, actor_id, created_at from npc_version
                where game_id = :gameId and npc_id = :npcId and version < :before
                order by version desc limit :limit""")
                .param("gameId", gameId)
                .param("npcId", npcId)
                .param("before", before)
                .param("limit", limit)
                .query(NpcVersionRepository::summary)
                .list();
    }

    private NpcVersion version(ResultSet rs, int rowNum) throws SQLException {
        return new NpcVersion(rs.getObject("npc_id", UUID.class), rs.getLong("version"),
                ChangeReason.valueOf(rs.getString("reason")), rs.getString("note"),
                rs.getObject("actor_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                jsonMapper.readValue(rs.getString("life_strand"), LifeStrand.class));
    }

    private static VersionSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new VersionSummary(rs.getLong("version"), ChangeReason.valueOf(rs.getString("reason")),
                rs.getString("note"), rs.getObject("actor_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
