package dev.gaia.npc.version;

import java.util.List;
import java.util.UUID;

/**
 * What changed from one version of a Life Strand to another
 * ({@code GET /api/npcs/{id}/versions/{a}/diff/{b}}).
 *
 * @param npcId the character
 * @param from the version compared from
 * @param to the version compared to
 * @param changes the differences, in document order
 */
record VersionDiff(UUID npcId, long from, long to, List<JsonChange> changes) {
}
