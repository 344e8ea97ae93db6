package dev.gaia.npc.lifestrand;

import java.util.UUID;

/**
 * A designer created a character ({@code npc.created.v1}).
 *
 * @param npcId the new character
 * @param name its name
 * @param createdBy the designer or admin who created it
 */
record NpcCreated(UUID npcId, String name, UUID createdBy) {
}
