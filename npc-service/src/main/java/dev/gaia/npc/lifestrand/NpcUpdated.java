package dev.gaia.npc.lifestrand;

import java.util.List;
import java.util.UUID;

/**
 * A character's Life Strand changed ({@code npc.updated.v1}).
 *
 * @param npcId the character
 * @param version its new version
 * @param reason why it changed
 * @param changed the top-level Life Strand fields that differ from the previous version, such as
 *        {@code personality}; empty when the new version equals the old one
 */
record NpcUpdated(UUID npcId, long version, ChangeReason reason, List<String> changed) {
}
