package dev.gaia.npc.proposal;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A designer's decision on a waiting proposal.
 *
 * @param note why
 */
record DecisionRequest(@Nullable @Size(max = 1000) String note) {
}
