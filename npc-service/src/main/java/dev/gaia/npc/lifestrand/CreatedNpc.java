package dev.gaia.npc.lifestrand;

import java.util.UUID;

/**
 * The answer to {@code POST /api/npcs}.
 *
 * @param npcId the new character's id
 */
record CreatedNpc(UUID npcId) {
}
