package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.util.List;

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

    static UsageTotals of(List<UsageGroup> groups) {
        long calls = 0;
        long tokensIn = 0;
        long tokensOut = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long withoutUsage = 0;
        for (UsageGroup group : groups) {
            calls += group.calls();
            tokensIn += group.tokensIn();
            tokensOut += group.tokensOut();
            cost = cost.add(group.costUsd());
            withoutUsage += group.callsWithoutUsage();
        }
        return new UsageTotals(calls, tokensIn, tokensOut, new BigDecimal(BudgetStatus.plain(cost)), withoutUsage);
    }
}
