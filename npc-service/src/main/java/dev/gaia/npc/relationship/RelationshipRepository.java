package dev.gaia.npc.relationship;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Relationships of every game; every lookup names the game. */
interface RelationshipRepository extends Repository<Relationship, UUID> {

    /** The relationship between a character and a target, whichever side wrote it (JPQL). */
    String BETWEEN = """
            select r from Relationship r where r.gameId = :gameId and (
                (r.npcId = :npcId and r.targetType = :targetType and r.targetId = :targetId)
                or (:targetType = dev.gaia.npc.relationship.TargetType.NPC and r.npcId = :targetId
                    and r.targetType = dev.gaia.npc.relationship.TargetType.NPC and r.targetId = :npcId))""";

    /** Stores a new relationship at once, so that a pair written twice at the same time fails here. */
    Relationship saveAndFlush(Relationship relationship);

    /** The relationship between a character and a target, from whichever side it was written. */
    @Query(BETWEEN)
    Optional<Relationship> findBetween(@Param("gameId") UUID gameId, @Param("npcId") UUID npcId,
            @Param("targetType") TargetType targetType, @Param("targetId") UUID targetId);

    /** As {@link #findBetween}, locked until the transaction ends, so that concurrent changes never lose one another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query(BETWEEN)
    Optional<Relationship> lockBetween(@Param("gameId") UUID gameId, @Param("npcId") UUID npcId,
            @Param("targetType") TargetType targetType, @Param("targetId") UUID targetId);

    /**
     * The relationships a character is either end of, oldest first; with {@code onlyPlayer} set,
     * those with players other than {@code onlyPlayer} are left out.
     */
    @Query("""
            select r from Relationship r where r.gameId = :gameId
            and (r.npcId = :npcId or (r.targetType = dev.gaia.npc.relationship.TargetType.NPC and r.targetId = :npcId))
            and (:everyPlayer = true or r.targetType = dev.gaia.npc.relationship.TargetType.NPC
                 or r.targetId = :onlyPlayer)
            order by r.createdAt, r.id""")
    List<Relationship> findInvolving(@Param("gameId") UUID gameId, @Param("npcId") UUID npcId,
            @Param("everyPlayer") boolean everyPlayer, @Param("onlyPlayer") UUID onlyPlayer);

    /** How many other NPCs the NPC has a relationship with (players are not counted: every player may meet it). */
    @Query("""
            select count(r) from Relationship r where r.gameId = :gameId
            and r.targetType = dev.gaia.npc.relationship.TargetType.NPC and (r.npcId = :npcId or r.targetId = :npcId)""")
    long countWithNpcs(@Param("gameId") UUID gameId, @Param("npcId") UUID npcId);
}
