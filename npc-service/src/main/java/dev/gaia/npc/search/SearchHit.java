package dev.gaia.npc.search;

import java.util.UUID;

/**
 * A character a search found.
 *
 * @param npcId the character
 * @param name its name
 * @param score how close its description is to the query: cosine similarity, from -1 to 1
 */
record SearchHit(UUID npcId, String name, double score) {
}
