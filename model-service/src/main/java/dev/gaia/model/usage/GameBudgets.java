package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Each game's monthly budget and spend. The hot path ({@link #status(UUID)}) answers from a
 * per-game cache that every recorded call adds its cost to and that is read again from the
 * database at most every {@code gaia.model.budgets.spend-refresh}, which also brings in the
 * calls other instances of model-service recorded.
 */
@Service
class GameBudgets {

    private final GameBudgetRepository budgets;
    private final ModelCallRepository calls;
    private final @Nullable BigDecimal defaultMonthlyUsd;
    private final long refreshNanos;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<UUID, Ledger> ledgers = new ConcurrentHashMap<>();

    GameBudgets(GameBudgetRepository budgets, ModelCallRepository calls, UsageProperties properties) {
        this.budgets = budgets;
        this.calls = calls;
        this.defaultMonthlyUsd = properties.budgets().defaultMonthlyUsd();
        this.refreshNanos = properties.budgets().spendRefresh().toNanos();
    }

    /** The game's budget and spend this month, as cached. */
    BudgetStatus status(UUID gameId) {
        YearMonth month = YearMonth.now(clock);
        Ledger ledger = ledgers.get(gameId);
        if (ledger != null && ledger.status().month().equals(month) && System.nanoTime() - ledger.readAt() < refreshNanos) {
            return ledger.status();
        }
        return reread(gameId, month);
    }

    /** The game's budget and spend this month, read from the database now. */
    BudgetStatus freshStatus(UUID gameId) {
        return reread(gameId, YearMonth.now(clock));
    }

    /** Sets the game's own budget, which replaces the default. */
    BudgetStatus setBudget(UUID gameId, UUID setBy, BigDecimal monthlyUsd) {
        budgets.save(gameId, monthlyUsd, setBy, clock.instant());
        return freshStatus(gameId);
    }

    /** A recorded call of the game cost this much. */
    void spent(UUID gameId, Instant startedAt, BigDecimal costUsd) {
        YearMonth month = YearMonth.from(startedAt.atOffset(ZoneOffset.UTC));
        ledgers.computeIfPresent(gameId, (id, ledger) -> ledger.status().month().equals(month)
                ? new Ledger(ledger.status().withSpent(ledger.status().spentUsd().add(costUsd)), ledger.readAt())
                : ledger);
    }

    private BudgetStatus reread(UUID gameId, YearMonth month) {
        long readAt = System.nanoTime();
        Optional<BigDecimal> own = budgets.find(gameId);
        BigDecimal budget = own.orElse(defaultMonthlyUsd);
        BudgetStatus.Source source = own.isPresent() ? BudgetStatus.Source.GAME
                : defaultMonthlyUsd != null ? BudgetStatus.Source.DEFAULT : BudgetStatus.Source.NONE;
        Instant monthStart = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        BudgetStatus status = new BudgetStatus(month, budget, source, calls.spentSince(gameId, monthStart));
        ledgers.put(gameId, new Ledger(status, readAt));
        return status;
    }

    /** A game's status and when it was read from the database. */
    private record Ledger(BudgetStatus status, long readAt) {
    }
}
