package dev.gaia.npc.lifestrand;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The characters of every game; every lookup names the game. Lists are {@link NpcListQuery}'s. */
interface NpcRepository extends Repository<Npc, UUID> {

    /** Writes at once, so that a stale version fails here, inside the caller's transaction. */
    Npc saveAndFlush(Npc npc);

    Optional<Npc> findByIdAndGameIdAndDeletedAtIsNull(UUID id, UUID gameId);

    /** Shows or hides a live character from players; a setting beside the Life Strand, so no new version. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Npc n set n.visibleToPlayers = :visible
            where n.id = :id and n.gameId = :gameId and n.deletedAt is null""")
    int updateVisibility(@Param("id") UUID id, @Param("gameId") UUID gameId, @Param("visible") boolean visible);
}
