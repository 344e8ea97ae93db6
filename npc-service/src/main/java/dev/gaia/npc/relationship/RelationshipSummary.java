package dev.gaia.npc.relationship;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A relationship in a list, seen from one of its characters, without its interactions.
 *
 * @param relationshipId the relationship
 * @param counterpart the other end
 * @param type what the relationship is
 * @param trust -1..1
 * @param affinity -1..1
 * @param familiarity -1..1
 * @param respect -1..1
 * @param notes a few words about it
 * @param updatedAt when it last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RelationshipSummary(UUID relationshipId, Counterpart counterpart, RelationshipType type, double trust,
        double affinity, double familiarity, double respect, @Nullable String notes, Instant updatedAt) {

    static RelationshipSummary of(Relationship relationship, UUID seenFrom) {
        Scores scores = relationship.scores();
        return new RelationshipSummary(relationship.id(), relationship.counterpartOf(seenFrom), relationship.type(),
                scores.trust(), scores.affinity(), scores.familiarity(), scores.respect(), relationship.notes(),
                relationship.updatedAt());
    }
}
