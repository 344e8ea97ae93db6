package dev.gaia.npc.relationship;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a character's relationships, oldest first.
 *
 * @param items the relationships of this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
record RelationshipPage(List<RelationshipSummary> items, @Nullable String nextCursor) {
}
