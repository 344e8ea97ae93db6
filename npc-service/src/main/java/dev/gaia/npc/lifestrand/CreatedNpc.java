package dev.gaia.npc.lifestrand;

import java.util.UUID;

/**
 * The answer to {@code POST /api/npcs}.
 *
 * @param npcId the new character's id
 * @param version its first version, also its ETag
 */
record CreatedNpc(UUID npcId, long version) {
}
