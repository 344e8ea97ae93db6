package dev.gaia.npc.lifestrand;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A character was created, changed, rolled back or deleted: a Spring application event,
 * published inside the transaction of the change (listeners that must only see committed
 * changes use {@code @TransactionalEventListener}).
 *
 * @param gameId the character's game
 * @param npcId the character
 * @param version its version after the change
 * @param lifeStrand its Life Strand after the change, {@code null} when it was deleted
 */
public record NpcChanged(UUID gameId, UUID npcId, long version, @Nullable LifeStrand lifeStrand) {
}
