package dev.gaia.npc.relationship;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A character's relationships in numbers, over those the caller may see.
 *
 * @param npcId the character
 * @param total how many relationships
 * @param byType how many of each type
 * @param averageTrust the mean trust; {@code null} without relationships
 * @param averageAffinity the mean affinity; {@code null} without relationships
 * @param mostTrusted the relationship with the highest trust
 * @param leastTrusted the relationship with the lowest trust
 */
record RelationshipStats(UUID npcId, int total, Map<RelationshipType, Integer> byType, @Nullable Double averageTrust,
        @Nullable Double averageAffinity, @Nullable Trusted mostTrusted, @Nullable Trusted leastTrusted) {

    /**
     * @param counterpart whom
     * @param type what the relationship is
     * @param trust how much
     */
    record Trusted(Counterpart counterpart, RelationshipType type, double trust) {
    }
}
