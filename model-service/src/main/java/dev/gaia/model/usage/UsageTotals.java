package dev.gaia.model.usage;

import java.math.BigDecimal;

/**
 * The totals of every call in a report's range.
 *
 * @param calls how many calls
 * @param tokensIn prompt tokens, of the calls whose usage is known
 * @param tokensOut generated tokens, of the calls whose usage is known
 * @param costUsd the estimated cost in US dollars
 * @param callsWithoutUsage calls whose provider reported no usage
 */
record UsageTotals(long calls, long tokensIn, long tokensOut, BigDecimal costUsd, long callsWithoutUsage) {
}
