package dev.gaia.npc.lifestrand;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A character was created ({@code npc.created.v1}).
 *
 * @param npcId the new character
 * @param name its name
 * @param createdBy the designer or admin who created it, {@code null} when the platform did
 */
record NpcCreated(UUID npcId, String name, @Nullable UUID createdBy) {
}
