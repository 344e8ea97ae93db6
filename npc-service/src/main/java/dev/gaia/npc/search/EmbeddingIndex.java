package dev.gaia.npc.search;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code npc_embedding}: one row per live character, every statement scoped by game.
 * pgvector's type and operators are named with their schema ({@code public}), so the service's
 * search path need not include it.
 */
@Repository
class EmbeddingIndex {

    /** The length of every stored vector: the column is {@code vector(384)}. */
    static final int DIMENSIONS = 384;

    private final JdbcClient jdbc;

    EmbeddingIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A character's new version, to be embedded: its row is stale until then. */
    void queue(UUID gameId, UUID npcId, long version, String name, String document) {
        jdbc.sql("""
                insert into npc_embedding (npc_id, game_id, version, name, document, stale)
                values (:npcId, :gameId, :version, :name, :document, true)
                on conflict (npc_id) do update
                set version = excluded.version, name = excluded.name, document = excluded.document, stale = true
                where npc_embedding.game_id = excluded.game_id and npc_embedding.version <= excluded.version""")
                .param("npcId", npcId).param("gameId", gameId).param("version", version).param("name", name)
                .param("document", document)
                .update();
    }

    void remove(UUID gameId, UUID npcId) {
        jdbc.sql("delete from npc_embedding where game_id = :gameId and npc_id = :npcId")
                .param("gameId", gameId).param("npcId", npcId)
                .update();
    }

    /** Stores a vector for the version it was made from; a row that moved on since stays stale. */
    boolean store(UUID gameId, UUID npcId, long version, String document, String model, float[] vector) {
        return jdbc.sql("""
                update npc_embedding
                set embedding = cast(:embedding as public.vector), model = :model, dimensions = :dimensions,
                    document = :document, stale = false, indexed_at = now()
                where game_id = :gameId and npc_id = :npcId and version = :version""")
                .param("embedding", literal(vector)).param("model", model).param("dimensions", vector.length)
                .param("document", document).param("gameId", gameId).param("npcId", npcId).param("version", version)
                .update() == 1;
    }

    /** Rows of a game not embedded for its current version by {@code model} with the stored size. */
    List<StaleRow> stale(UUID gameId, String model, int limit) {
        return jdbc.sql("""
                select npc_id, version, document from npc_embedding
                where game_id = :gameId
                  and (stale or model is distinct from :model or dimensions is distinct from :dimensions)
                order by npc_id
                limit :limit""")
                .param("gameId", gameId).param("model", model).param("dimensions", DIMENSIONS).param("limit", limit)
                .query(StaleRow.class)
                .list();
    }

    /**
     * The game's live characters nearest to {@code query} by cosine similarity, among vectors of
     * {@code model}; only those visible to players when {@code visibleOnly}, filtered before the
     * limit so that a player gets as many hits as there are.
     */
    List<Hit> nearest(UUID gameId, String model, float[] query, int limit, boolean visibleOnly) {
        return jdbc.sql("""
                select e.npc_id, e.name, 1 - (e.embedding operator(public.<=>) cast(:query as public.vector)) as score
                from npc_embedding e
                join npc n on n.id = e.npc_id and n.game_id = e.game_id and n.deleted_at is null
                where e.game_id = :gameId and not e.stale and e.model = :model and e.dimensions = :dimensions
                  and (n.visible_to_players or not :visibleOnly)
                order by e.embedding operator(public.<=>) cast(:query as public.vector)
                limit :limit""")
                .param("query", literal(query)).param("gameId", gameId).param("model", model)
                .param("dimensions", DIMENSIONS).param("visibleOnly", visibleOnly).param("limit", limit)
                .query(Hit.class)
                .list();
    }

    private static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }

    /**
     * @param npcId the character
     * @param version the version the row stands for
     * @param document its description; {@code null} for a character queued before search existed
     */
    record StaleRow(UUID npcId, long version, @Nullable String document) {
    }

    /**
     * @param npcId the character
     * @param name its name
     * @param score cosine similarity to the query, from -1 to 1
     */
    record Hit(UUID npcId, String name, double score) {
    }
}
