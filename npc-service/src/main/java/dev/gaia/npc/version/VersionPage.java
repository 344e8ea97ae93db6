package dev.gaia.npc.version;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a character's versions, newest first.
 *
 * @param items the versions of this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
record VersionPage(List<VersionSummary> items, @Nullable String nextCursor) {
}
