package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A game's budget for one calendar month (UTC) and what it has spent of it.
 *
 * @param month the month
 * @param budgetUsd what the game may spend, or none for no limit
 * @param source where the budget comes from
 * @param spentUsd the estimated cost of the game's calls this month
 */
record BudgetStatus(YearMonth month, @Nullable BigDecimal budgetUsd, Source source, BigDecimal spentUsd) {

    /** The problem code of a call refused for its game's budget. */
    static final String EXCEEDED = "model_budget_exceeded";

    /** Where a game's budget is set. */
    enum Source {
        /** The game's own, set with {@code PUT /api/models/budget}. */
        GAME,
        /** {@code gaia.model.budgets.default-monthly-usd}. */
        DEFAULT,
        /** Neither: no limit. */
        NONE
    }

    /** The same budget with another spend. */
    BudgetStatus withSpent(BigDecimal spent) {
        return new BudgetStatus(month, budgetUsd, source, spent);
    }

    /** Whether priced calls are refused: the spend has reached the budget. */
    boolean exhausted() {
        return budgetUsd != null && spentUsd.compareTo(budgetUsd) >= 0;
    }

    /** What is left to spend this month, never below zero; none without a budget. */
    @Nullable BigDecimal remainingUsd() {
        return budgetUsd == null ? null : budgetUsd.subtract(spentUsd).max(BigDecimal.ZERO);
    }

    /** When the month ends and the spend starts again from zero. */
    Instant resetsAt() {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * 402 Payment Required rather than 429: waiting a few seconds does not help and OpenAI's
     * SDKs retry a 429 on their own, while a 402 tells the caller at once that money, not
     * load, is the limit, and stays distinct from a provider's {@code model_provider_rate_limited}.
     */
    ProblemException exceededProblem() {
        String budget = plain(budgetUsd == null ? BigDecimal.ZERO : budgetUsd);
        String detail = "This game's model budget for " + month + " is " + budget + " USD and it has spent "
                + plain(spentUsd) + " USD, so calls to priced models are refused until " + resetsAt()
                + ". An admin of the game can raise the budget with PUT /api/models/budget"
                + " {\"monthly_usd\": <amount>}"
                + (source == Source.DEFAULT ? "; the default for every game is gaia.model.budgets.default-monthly-usd"
                        + " (GAIA_MODEL_BUDGET_DEFAULT_MONTHLY_USD)." : ".");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("budget_usd", new BigDecimal(budget));
        properties.put("spent_usd", new BigDecimal(plain(spentUsd)));
        properties.put("month", month.toString());
        properties.put("resets_at", resetsAt().toString());
        return new ProblemException(HttpStatus.PAYMENT_REQUIRED, EXCEEDED, detail, properties, HttpHeaders.EMPTY);
    }

    /** An amount without trailing zeros or an exponent: 0.013, 5, 0.000001. */
    static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
