package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetStatusTests {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void allowsCallsWhileTheSpendIsBelowTheBudget() {
        BudgetStatus status = status("10", "9.9999999999");

        assertThat(status.exhausted()).isFalse();
        assertThat(status.remainingUsd()).isEqualByComparingTo("0.0000000001");
    }

    @Test
    void refusesCallsOnceTheSpendReachesTheBudget() {
        assertThat(status("10", "10").exhausted()).isTrue();
        assertThat(status("10", "10.5").exhausted()).isTrue();
        assertThat(status("10", "10.5").remainingUsd()).isZero();
    }

    @Test
    void refusesEveryPricedCallWithABudgetOfZero() {
        assertThat(status("0", "0").exhausted()).isTrue();
    }

    @Test
    void neverRefusesWithoutABudget() {
        BudgetStatus status = new BudgetStatus(NOVEMBER, null, BudgetStatus.Source.NONE, new BigDecimal("1000000"));

        assertThat(status.exhausted()).isFalse();
        assertThat(status.remainingUsd()).isNull();
    }

    @Test
    void resetsAtTheStartOfTheNextMonthInUtc() {
        assertThat(status("1", "0").resetsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(new BudgetStatus(YearMonth.of(2026, 12), BigDecimal.ONE, BudgetStatus.Source.GAME, BigDecimal.ZERO)
                .resetsAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void explainsTheRefusalWithTheBudgetTheSpendAndHowToRaiseIt() {
        ProblemException problem = status("0.000001", "0.0130000000").exceededProblem();

        assertThat(problem.status()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
        assertThat(problem.code()).isEqualTo("model_budget_exceeded");
        assertThat(problem.getMessage()).contains("2026-11", "0.000001 USD", "spent 0.013 USD",
                "2026-12-01T00:00:00Z", "PUT /api/models/budget");
        assertThat(problem.properties()).containsEntry("budget_usd", new BigDecimal("0.000001"))
                .containsEntry("spent_usd", new BigDecimal("0.013"));
    }

    @Test
    void namesTheDefaultWhenTheGameHasNoBudgetOfItsOwn() {
        BudgetStatus status = new BudgetStatus(NOVEMBER, new BigDecimal("50"), BudgetStatus.Source.DEFAULT,
                new BigDecimal("50"));

        assertThat(status.exceededProblem().getMessage()).contains("gaia.model.budgets.default-monthly-usd");
    }

    @Test
    void writesAmountsPlainly() {
        assertThat(BudgetStatus.plain(new BigDecimal("100.0000000000"))).isEqualTo("100");
        assertThat(BudgetStatus.plain(new BigDecimal("0E-10"))).isEqualTo("0");
        assertThat(BudgetStatus.plain(new BigDecimal("0.0000015000"))).isEqualTo("0.0000015");
    }

    private static BudgetStatus status(String budget, String spent) {
        return new BudgetStatus(NOVEMBER, new BigDecimal(budget), BudgetStatus.Source.GAME, new BigDecimal(spent));
    }
}
