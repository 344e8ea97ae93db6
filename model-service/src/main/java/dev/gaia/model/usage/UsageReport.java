package dev.gaia.model.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/models/usage}.
 *
 * @param gameId the caller's game, the only one reported
 * @param from the first day reported (UTC)
 * @param to the last day reported (UTC), inclusive
 * @param groupBy what the groups are: {@code user}, {@code model}, {@code day} or {@code npc}
 * @param groups the totals per group, ordered by key: one page of them
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 * @param totals the totals of every call in the range, on every page
 */
record UsageReport(UUID gameId, LocalDate from, LocalDate to, String groupBy, List<UsageGroup> groups,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor, UsageTotals totals) {
}
