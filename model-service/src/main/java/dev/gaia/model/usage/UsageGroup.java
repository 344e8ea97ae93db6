package dev.gaia.model.usage;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The totals of one group of calls.
 *
 * @param key the user id, {@code provider/model}, day ({@code YYYY-MM-DD}) or NPC id; null for
 *        calls that named no NPC
 * @param calls how many calls
 * @param tokensIn prompt tokens, of the calls whose usage is known
 * @param tokensOut generated tokens, of the calls whose usage is known
 * @param costUsd the estimated cost in US dollars of the calls to priced models (see {@link TokenUsage})
 * @param callsWithoutUsage calls whose provider reported no usage (cancelled streams, servers without usage)
 */
record UsageGroup(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String key, long calls, long tokensIn,
        long tokensOut, BigDecimal costUsd, long callsWithoutUsage) {
}
