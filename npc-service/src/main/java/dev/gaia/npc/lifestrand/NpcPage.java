package dev.gaia.npc.lifestrand;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a game's characters, oldest first.
 *
 * @param items the characters of this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
record NpcPage(List<NpcResponse> items, @Nullable String nextCursor) {
}
