package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records every model call, and refuses calls a game can no longer afford. Each kind of call
 * (chat completions, embeddings, ...) starts a {@link ModelCallMeter} with
 * {@link #start(CallContext)} before it calls a provider, and ends it when the answer is
 * complete. The call is counted in {@link ModelCallMetrics} at once; its row is written off the
 * request thread, so recording never delays an answer, and a failed write is logged, never
 * passed on to the caller.
 */
@Component
public class UsageRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private final ModelCallRepository calls;
    private final PriceTable prices;
    private final GameBudgets budgets;
    private final ModelCallMetrics metrics;
    private final ExecutorService writer = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("model-call-writer-", 0).factory());

    UsageRecorder(ModelCallRepository calls, PriceTable prices, GameBudgets budgets, ModelCallMetrics metrics) {
        this.calls = calls;
        this.prices = prices;
        this.budgets = budgets;
        this.metrics = metrics;
    }

    /**
     * Starts measuring a call. A call to a priced model of a game whose spend this month has
     * reached its budget is recorded as {@link CallOutcome#REJECTED_BUDGET} and refused with a
     * {@code 402 model_budget_exceeded} problem instead, before any provider is called.
     */
    public ModelCallMeter start(CallContext context) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        if (prices.priced(context.provider(), context.model())) {
            BudgetStatus budget = budgets.status(context.gameId());
            if (budget.exhausted()) {
                record(UUID.randomUUID(), context, TokenUsage.none(), Duration.ZERO, null,
                        CallOutcome.REJECTED_BUDGET, BudgetStatus.EXCEEDED, startedAt);
                throw budget.exceededProblem();
            }
        }
        return new ModelCallMeter(this::record, context, startedAt, startNanos);
    }

    void record(UUID id, CallContext context, TokenUsage tokens, Duration latency, @Nullable Duration timeToFirstToken,
            CallOutcome outcome, @Nullable String errorCode, Instant startedAt) {
        BigDecimal cost = prices.costOf(context.provider(), context.model(), tokens).orElse(null);
        ModelCall call = new ModelCall(id, context, tokens, cost, latency, timeToFirstToken, outcome, errorCode,
                startedAt);
        metrics.record(call);
        try {
            writer.execute(() -> write(call));
        }
        catch (RejectedExecutionException ex) {
            log.warn("Model call {} of game {} not recorded: model-service is shutting down", id, context.gameId());
        }
    }

    private void write(ModelCall call) {
        try {
            calls.insert(call);
        }
        catch (RuntimeException ex) {
            log.warn("Could not record model call {} of game {}: {}", call.id(), call.context().gameId(),
                    ex.getMessage());
        }
        finally {
            // Spent whether or not the row was written; a lost row drops out at the next re-read.
            if (call.costUsd() != null) {
                budgets.spent(call.context().gameId(), call.startedAt(), call.costUsd());
            }
        }
    }

    /** Waits for the rows still being written. */
    @Override
    public void close() {
        writer.close();
    }
}
