package dev.gaia.npc.emotion;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Characters' live feelings; every lookup names the game. */
interface NpcEmotionRepository extends Repository<NpcEmotion, UUID> {

    Optional<NpcEmotion> findByNpcIdAndGameId(UUID npcId, UUID gameId);

    /** The row, locked until the transaction ends, so that two appraisals never lose one another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from NpcEmotion e where e.npcId = :npcId and e.gameId = :gameId")
    Optional<NpcEmotion> lock(@Param("npcId") UUID npcId, @Param("gameId") UUID gameId);

    /** Starts a character's feelings at {@code state} unless they were started already. */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            insert into npc_emotion (npc_id, game_id, pleasure, arousal, dominance,
                                     seed_pleasure, seed_arousal, seed_dominance, updated_at)
            values (:npcId, :gameId, :pleasure, :arousal, :dominance,
                    cast(:seedPleasure as double precision), cast(:seedArousal as double precision),
                    cast(:seedDominance as double precision), :updatedAt)
            on conflict (npc_id) do nothing""", nativeQuery = true)
    void start(@Param("npcId") UUID npcId, @Param("gameId") UUID gameId, @Param("pleasure") double pleasure,
            @Param("arousal") double arousal, @Param("dominance") double dominance,
            @Param("seedPleasure") @Nullable Double seedPleasure, @Param("seedArousal") @Nullable Double seedArousal,
            @Param("seedDominance") @Nullable Double seedDominance, @Param("updatedAt") Instant updatedAt);

    /** Forgets a state that was set from a Life Strand {@code emotional_state}, now that there is none. */
    @Modifying(flushAutomatically = true)
    @Query("delete from NpcEmotion e where e.npcId = :npcId and e.gameId = :gameId and e.seedPleasure is not null")
    void forgetSeeded(@Param("npcId") UUID npcId, @Param("gameId") UUID gameId);

    /** Forgets a state that was not set from the Life Strand {@code emotional_state} it has now. */
    @Modifying(flushAutomatically = true)
    @Query("""
            delete from NpcEmotion e where e.npcId = :npcId and e.gameId = :gameId
            and (e.seedPleasure is null or e.seedPleasure <> :pleasure or e.seedArousal <> :arousal
                 or e.seedDominance <> :dominance)""")
    void forgetSeededOtherThan(@Param("npcId") UUID npcId, @Param("gameId") UUID gameId,
            @Param("pleasure") double pleasure, @Param("arousal") double arousal,
            @Param("dominance") double dominance);
}
