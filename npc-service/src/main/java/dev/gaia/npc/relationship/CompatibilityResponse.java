package dev.gaia.npc.relationship;

import java.util.List;
import java.util.UUID;

/**
 * How well two characters would get along.
 *
 * @param npcId one character
 * @param otherNpcId the other
 * @param score from 0 (not at all) to 1 (very well)
 * @param reasons why
 * @param suggestedInteractions what they might do together
 */
record CompatibilityResponse(UUID npcId, UUID otherNpcId, double score, List<String> reasons,
        List<String> suggestedInteractions) {
}
