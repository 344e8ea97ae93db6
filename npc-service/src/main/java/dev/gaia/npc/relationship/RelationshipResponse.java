package dev.gaia.npc.relationship;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A relationship, seen from one of its characters.
 *
 * @param relationshipId the relationship
 * @param npcId the character it was written for
 * @param targetType whether the other end is a character or a player
 * @param targetId the other end
 * @param counterpart the end that is not the character it is seen from
 * @param type what the relationship is
 * @param trust -1..1
 * @param affinity -1..1
 * @param familiarity -1..1
 * @param respect -1..1
 * @param notes a few words about it
 * @param recentInteractions the latest interactions, newest first
 * @param createdAt when it began
 * @param updatedAt when it last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RelationshipResponse(UUID relationshipId, UUID npcId, TargetType targetType, UUID targetId,
        Counterpart counterpart, RelationshipType type, double trust, double affinity, double familiarity,
        double respect, @Nullable String notes, List<InteractionResponse> recentInteractions, Instant createdAt,
        Instant updatedAt) {

    static RelationshipResponse of(Relationship relationship, UUID seenFrom, List<InteractionResponse> recent) {
        Scores scores = relationship.scores();
        return new RelationshipResponse(relationship.id(), relationship.npcId(), relationship.targetType(),
                relationship.targetId(), relationship.counterpartOf(seenFrom), relationship.type(), scores.trust(),
                scores.affinity(), scores.familiarity(), scores.respect(), relationship.notes(), recent,
                relationship.createdAt(), relationship.updatedAt());
    }
}
