package dev.gaia.npc.proposal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a character's change proposals, newest first.
 *
 * @param items the proposals of this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
record ProposalPage(List<ProposalResponse> items, @Nullable String nextCursor) {
}
