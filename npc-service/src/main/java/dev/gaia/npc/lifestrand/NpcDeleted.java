package dev.gaia.npc.lifestrand;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A character was deleted ({@code npc.deleted.v1}).
 *
 * @param npcId the character
 * @param version its version when it was deleted
 * @param deletedBy the designer or admin who deleted it, {@code null} when the platform did
 */
record NpcDeleted(UUID npcId, long version, @Nullable UUID deletedBy) {
}
