package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Records every model call, and refuses calls a game can no longer afford. Each kind of call
 * (chat completions, embeddings, ...) starts a {@link ModelCallMeter} with
 * {@link #start(CallContext)} before it calls a provider, and ends it when the answer is
 * complete. The call is counted in {@link ModelCallMetrics} at once; its row joins the calls
 * written together, one batch every {@value #WRITE_INTERVAL_MILLIS} ms, by one thread off the
 * request path: recording never delays an answer, a busy service makes one database round trip
 * per batch rather than one per call (which would take CPU from the calls in flight), and a
 * failed write is logged, never passed on to the caller. While the database cannot be reached
 * (restarting, the network away) the batch is kept and tried again at each interval, ahead of
 * newer calls; a batch the database refuses for what it holds is dropped.
 */
@Component
public class UsageRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private static final long WRITE_INTERVAL_MILLIS = 200;

    /** Calls waiting to be written; beyond this many (the database away for minutes) new ones are dropped. */
    private static final int MAX_PENDING = 100_000;

    /** Rows in one JDBC batch at most; a longer queue is written in several. */
    private static final int MAX_BATCH = 1_000;

    private final ModelCallRepository calls;
    private final PriceTable prices;
    private final GameBudgets budgets;
    private final ModelCallMetrics metrics;
    private final BlockingQueue<ModelCall> pending = new LinkedBlockingQueue<>(MAX_PENDING);
    /** The batch being written, kept while the database cannot be reached; guarded by {@code this}. */
    private final List<ModelCall> batch = new ArrayList<>();
    /** Whether the last write found the database away, so that an outage is logged once, not every interval. */
    private boolean databaseAway;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("model-call-writer").daemon().factory());

    UsageRecorder(ModelCallRepository calls, PriceTable prices, GameBudgets budgets, ModelCallMetrics metrics) {
        this.calls = calls;
        this.prices = prices;
        this.budgets = budgets;
        this.metrics = metrics;
        writer.scheduleWithFixedDelay(this::writePending, WRITE_INTERVAL_MILLIS, WRITE_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
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
                record(UUID.randomUUID(), context, TokenUsage.none(), null, Duration.ZERO, null,
                        CallOutcome.REJECTED_BUDGET, BudgetStatus.EXCEEDED, startedAt);
                throw budget.exceededProblem();
            }
        }
        return new ModelCallMeter(this::record, context, startedAt, startNanos);
    }

    void record(UUID id, CallContext context, TokenUsage tokens, @Nullable TokenUsage estimate, Duration latency,
            @Nullable Duration timeToFirstToken, CallOutcome outcome, @Nullable String errorCode, Instant startedAt) {
        TokenUsage costed = tokens.known() || estimate == null ? tokens : estimate;
        BigDecimal cost = prices.costOf(context.provider(), context.model(), costed).orElse(null);
        ModelCall call = new ModelCall(id, context, tokens, cost, latency, timeToFirstToken, outcome, errorCode,
                startedAt);
        metrics.record(call);
        if (!pending.offer(call)) {
            log.warn("Model call {} of game {} not recorded: {} calls are waiting for the database", id,
                    context.gameId(), MAX_PENDING);
        }
        else if (writer.isShutdown()) {
            // A call that ends while model-service stops: no batch will come for it.
            writePending();
        }
    }

    /** Writes the waiting calls, batch by batch, and says how many are left (the database away). */
    private synchronized int writePending() {
        while (!batch.isEmpty() || pending.drainTo(batch, MAX_BATCH) > 0) {
            if (!written(batch)) {
                break;
            }
            batch.clear();
        }
        return batch.size() + pending.size();
    }

    /** Writes a batch; false if the database could not be reached, so the batch is to be tried again. */
    private boolean written(List<ModelCall> rows) {
        try {
            calls.insertAll(rows);
        }
        catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException ex) {
            if (!databaseAway) {
                log.warn("Could not record model calls, trying again every {} ms until the database answers: {}",
                        WRITE_INTERVAL_MILLIS, ex.getMessage());
                databaseAway = true;
            }
            return false;
        }
        catch (RuntimeException ex) {
            log.error("Could not record {} model calls, the database refused them: {}", rows.size(), ex.getMessage());
        }
        if (databaseAway) {
            log.info("Recording model calls again");
            databaseAway = false;
        }
        // Spent once the rows are written, or dropped: a lost row drops out at the next re-read.
        for (ModelCall call : rows) {
            if (call.costUsd() != null) {
                budgets.spent(call.context().gameId(), call.startedAt(), call.costUsd());
            }
        }
        return true;
    }

    /** Writes the calls still waiting. */
    @Override
    public void close() {
        writer.close();
        int left = writePending();
        if (left > 0) {
            log.error("Stopping with {} model calls not recorded: the database cannot be reached", left);
        }
    }
}
