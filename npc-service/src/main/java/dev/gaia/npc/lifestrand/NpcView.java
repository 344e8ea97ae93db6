package dev.gaia.npc.lifestrand;

import java.time.Instant;
import java.util.UUID;

/**
 * A character as the service sees it: id, game, current version, Life Strand, times.
 *
 * @param npcId the character
 * @param gameId the game it belongs to
 * @param version the current version of its Life Strand, counting from 1; also its ETag
 * @param lifeStrand who the character is now
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record NpcView(UUID npcId, UUID gameId, long version, LifeStrand lifeStrand, Instant createdAt,
        Instant updatedAt) {
}
