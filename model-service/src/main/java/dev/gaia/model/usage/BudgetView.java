package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET} and {@code PUT /api/models/budget}.
 *
 * @param gameId the caller's game
 * @param month the calendar month (UTC) the spend is of, {@code YYYY-MM}
 * @param monthlyUsd the budget in US dollars; null for no limit
 * @param source {@code game} (set through this API), {@code default}
 *        ({@code gaia.model.budgets.default-monthly-usd}) or {@code none}
 * @param spentUsd the estimated cost of the game's calls this month
 * @param remainingUsd what is left, never below zero; null for no limit
 * @param resetsAt when the month ends and the spend starts from zero
 */
record BudgetView(UUID gameId, String month, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable BigDecimal monthlyUsd,
        String source, BigDecimal spentUsd, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable BigDecimal remainingUsd,
        Instant resetsAt) {

    static BudgetView of(UUID gameId, BudgetStatus status) {
        BigDecimal remaining = status.remainingUsd();
        return new BudgetView(gameId, status.month().toString(),
                status.budgetUsd() == null ? null : new BigDecimal(BudgetStatus.plain(status.budgetUsd())),
                status.source().name().toLowerCase(Locale.ROOT), new BigDecimal(BudgetStatus.plain(status.spentUsd())),
                remaining == null ? null : new BigDecimal(BudgetStatus.plain(remaining)), status.resetsAt());
    }
}
