package dev.gaia.npc.relationship;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The recorded interactions of relationships. */
interface RelationshipInteractionRepository extends Repository<RelationshipInteraction, UUID> {

    RelationshipInteraction save(RelationshipInteraction interaction);

    /** The latest interactions of a relationship, newest first. */
    @Query(value = """
            select * from relationship_interaction where game_id = :gameId and relationship_id = :relationshipId
            order by occurred_at desc, id desc limit :limit""", nativeQuery = true)
    List<RelationshipInteraction> findLatest(@Param("gameId") UUID gameId,
            @Param("relationshipId") UUID relationshipId, @Param("limit") int limit);

    /** Forgets all but the latest {@code keep} interactions of a relationship. */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            delete from relationship_interaction where game_id = :gameId and relationship_id = :relationshipId
            and id not in (select id from relationship_interaction where relationship_id = :relationshipId
                           order by occurred_at desc, id desc limit :keep)""", nativeQuery = true)
    void keepLatest(@Param("gameId") UUID gameId, @Param("relationshipId") UUID relationshipId,
            @Param("keep") int keep);
}
