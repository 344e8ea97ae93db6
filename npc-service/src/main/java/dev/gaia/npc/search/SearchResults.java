package dev.gaia.npc.search;

import java.util.List;

/**
 * The answer to {@code GET /api/npcs/search}.
 *
 * @param items the characters found, best first
 */
record SearchResults(List<SearchHit> items) {
}
