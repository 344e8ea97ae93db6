package dev.gaia.model.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

import dev.gaia.model.local.LocalModelFiles.ModelFile;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local models in memory, kept within {@code gaia.model.local.memory-budget}. A call takes a
 * {@link Lease} on its model: a loaded model with room answers at once; one that is not loaded is
 * loaded when it fits beside the others. When it does not fit, the least recently used models are
 * <em>drained</em>: they take no new calls, their calls in flight finish, and once the last has
 * ended they are unloaded and the waiting model is loaded. Calls that cannot start wait in a
 * bounded queue for at most {@code max-queue-wait}, so a swap never fails a call, it only delays
 * it; a full queue or a wait too long is a 429 with {@code Retry-After}.
 */
final class LocalModelPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalModelPool.class);

    /** How long closing waits for the calls in flight to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final LocalModelProperties properties;
    private final BiFunction<ModelFile, LocalModelProperties, LocalModel> loader;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, Integer> queued = new HashMap<>();
    private int queuedInAll;

    LocalModelPool(LocalModelProperties properties, BiFunction<ModelFile, LocalModelProperties, LocalModel> loader,
            Clock clock) {
        this.properties = properties;
        this.loader = loader;
        this.clock = clock;
    }

    /** Where a model stands in memory. */
    enum State {
        /** Being read into memory; calls wait for it. */
        LOADING,
        /** In memory, taking calls. */
        LOADED,
        /** In memory, finishing its calls to make room or to be reloaded; new calls wait. */
        DRAINING
    }

    /** One model in memory and what it is doing. */
    private static final class Slot {

        final ModelFile file;
        final long cost;
        State state = State.LOADING;
        @Nullable LocalModel model;
        int inFlight;
        @Nullable Instant loadedAt;
        @Nullable Instant lastUsedAt;
        double tokensPerSecond;
        /** Why loading failed, when it did; the slot is gone from the pool then. */
        @Nullable RuntimeException loadFailure;

        Slot(ModelFile file, long cost) {
            this.file = file;
            this.cost = cost;
        }
    }

    /** A call's hold on a loaded model; {@link #release} gives it back once. */
    final class Lease {

        private final Slot slot;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Slot slot) {
            this.slot = slot;
        }

        LocalModel model() {
            return slot.model;
        }

        /** Ends the call, recording its speed when it generated tokens. */
        void release(int tokens, long generatingNanos) {
            if (released.compareAndSet(false, true)) {
                ended(slot, tokens, generatingNanos);
            }
        }
    }

    /**
     * A lease on the model of this file, loading it (and swapping others out) when needed.
     *
     * @throws ProblemException 429 {@code model_concurrency_limit} when the queue is full or the wait
     *         too long; 503 {@code local_model_exceeds_memory_budget} for a model larger than the
     *         whole budget; 503 {@code local_model_failed} when it cannot be loaded
     */
    Lease acquire(ModelFile file) {
        long deadline = System.nanoTime() + properties.maxQueueWait().toNanos();
        boolean waiting = false;
        lock.lock();
        try {
            while (true) {
                Slot slot = slots.get(file.name());
                if (slot == null) {
                    slot = makeRoomFor(file);
                    if (slot != null) {
                        startLoading(slot);
                        awaitLoaded(slot);
                        continue;
                    }
                }
                else if (slot.state == State.LOADED && slot.inFlight < properties.maxConcurrent()) {
                    slot.inFlight++;
                    slot.lastUsedAt = clock.instant();
                    return new Lease(slot);
                }
                if (!waiting) {
                    if (queuedInAll >= properties.maxQueued()) {
                        throw busy(file, "already has " + properties.maxQueued() + " calls waiting");
                    }
                    waiting = true;
                    queuedInAll++;
                    queued.merge(file.name(), 1, Integer::sum);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw busy(file, "had no room within " + properties.maxQueueWait().toMillis() + " ms");
                }
                changed.awaitNanos(remaining);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("model_service_shutting_down",
                    "model-service stopped while the call waited for its local model; retry it.");
        }
        finally {
            if (waiting) {
                queuedInAll--;
                queued.merge(file.name(), -1, Integer::sum);
                queued.remove(file.name(), 0);
            }
            lock.unlock();
        }
    }

    /** Loads the model now, as a call would, without keeping a call on it. */
    void preload(ModelFile file) {
        acquire(file).release(0, 0);
    }

    /**
     * Takes the model out of memory once its calls in flight have ended; calls for it meanwhile wait
     * and load it again afterwards. Whether it was in memory; one still loading stays.
     */
    boolean unload(String name) {
        lock.lock();
        try {
            Slot slot = slots.get(name);
            if (slot == null) {
                return false;
            }
            if (slot.state == State.LOADED) {
                slot.state = State.DRAINING;
                unloadDrained();
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** Reads the model from its file again, once its calls in flight have ended. */
    void reload(ModelFile file) {
        lock.lock();
        try {
            for (Slot slot = slots.get(file.name()); slot != null; slot = slots.get(file.name())) {
                if (slot.state == State.LOADED) {
                    slot.state = State.DRAINING;
                    unloadDrained();
                }
                else {
                    changed.await();
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("model_service_shutting_down",
                    "model-service stopped while it waited to reload " + file.name() + "; retry it.");
        }
        finally {
            lock.unlock();
        }
        preload(file);
    }

    /** What is in memory, how much of the budget it takes, and who waits. */
    PoolStatus status() {
        lock.lock();
        try {
            List<LoadedModelStatus> models = new ArrayList<>();
            for (Slot slot : slots.values()) {
                models.add(new LoadedModelStatus(slot.file.name(), slot.state, slot.cost, slot.inFlight,
                        queued.getOrDefault(slot.file.name(), 0), slot.tokensPerSecond, slot.loadedAt,
                        slot.lastUsedAt));
            }
            return new PoolStatus(properties.memoryBudget().toBytes(), used(), queuedInAll, Map.copyOf(queued),
                    models);
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * What the pool knows: the budget and its use, the calls waiting per model (also for models not
     * in memory) and each model in memory.
     */
    record PoolStatus(long budgetBytes, long usedBytes, int queued, Map<String, Integer> queuedByModel,
            List<LoadedModelStatus> loaded) {
    }

    /** One model in memory. */
    record LoadedModelStatus(String name, State state, long memoryBytes, int inFlight, int queued,
            double tokensPerSecond, @Nullable Instant loadedAt, @Nullable Instant lastUsedAt) {
    }

    /** What a model of this file takes from the budget: its file, mapped in, and its context. */
    long costOf(ModelFile file) {
        return file.sizeBytes() + properties.contextMemory().toBytes();
    }

    /**
     * Unloads every model once its calls have ended, waiting at most {@link #CLOSE_WAIT}; a model
     * still generating then is left to the process's exit, since freeing it under llama.cpp's feet
     * would crash the JVM.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        lock.lock();
        try {
            slots.values().stream().filter(slot -> slot.state == State.LOADED).forEach(slot -> slot.state = State.DRAINING);
            unloadDrained();
            long remaining = deadline - System.nanoTime();
            while (slots.values().stream().anyMatch(slot -> slot.state == State.DRAINING) && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * A new slot for the file when it fits, after unloading what has drained; otherwise drains the
     * least recently used models until it will fit once they are unloaded, and returns nothing.
     */
    private @Nullable Slot makeRoomFor(ModelFile file) {
        long cost = costOf(file);
        long budget = properties.memoryBudget().toBytes();
        if (cost > budget) {
            throw ProblemException.unavailable("local_model_exceeds_memory_budget", "The local model " + file.name()
                    + " needs about " + megabytes(cost) + " MB (its file and "
                    + megabytes(properties.contextMemory().toBytes()) + " MB of context), more than the whole"
                    + " memory budget of " + megabytes(budget) + " MB. Raise GAIA_MODEL_MEMORY_BUDGET or use a"
                    + " smaller quantisation of the model.");
        }
        if (used() + cost > budget) {
            drainLeastRecentlyUsed(cost, file);
            unloadDrained();
        }
        if (used() + cost > budget) {
            return null;
        }
        Slot slot = new Slot(file, cost);
        slots.put(file.name(), slot);
        return slot;
    }

    /** Drains loaded models, least recently used first, until {@code cost} fits once the draining ones are gone. */
    private void drainLeastRecentlyUsed(long cost, ModelFile file) {
        long budget = properties.memoryBudget().toBytes();
        long freeing = slots.values().stream().filter(slot -> slot.state == State.DRAINING)
                .mapToLong(slot -> slot.cost).sum();
        List<Slot> candidates = slots.values().stream().filter(slot -> slot.state == State.LOADED)
                .sorted(Comparator.comparing((Slot slot) -> slot.lastUsedAt, Comparator.nullsFirst(
                        Comparator.naturalOrder())))
                .toList();
        for (Slot candidate : candidates) {
            if (used() - freeing + cost <= budget) {
                return;
            }
            candidate.state = State.DRAINING;
            freeing += candidate.cost;
            log.info("Swapping out local model {} ({} calls finishing) to make room for {}", candidate.file.name(),
                    candidate.inFlight, file.name());
        }
    }

    /**
     * Reads a slot's model into memory on a platform thread of its own, without holding the lock,
     * so other models keep answering. The load ends the same whether or not the call that started
     * it still waits (a first-token limit interrupts the call's wait, not the load): the model then
     * stays in the pool, counted against the budget, rather than loaded and lost.
     */
    private void startLoading(Slot slot) {
        Thread.ofPlatform().name("local-model-load-" + slot.file.name()).daemon().start(() -> load(slot));
    }

    private void load(Slot slot) {
        LocalModel model = null;
        try {
            model = loader.apply(slot.file, properties);
        }
        catch (RuntimeException ex) {
            slot.loadFailure = ex;
        }
        finally {
            lock.lock();
            try {
                if (model == null) {
                    slots.remove(slot.file.name(), slot);
                }
                else {
                    slot.model = model;
                    slot.state = State.LOADED;
                    slot.loadedAt = clock.instant();
                }
                changed.signalAll();
            }
            finally {
                lock.unlock();
            }
        }
    }

    /** Waits, the lock released while it waits, until the slot's model is loaded; throws what failed the load. */
    private void awaitLoaded(Slot slot) throws InterruptedException {
        while (slot.state == State.LOADING && slots.get(slot.file.name()) == slot) {
            changed.await();
        }
        if (slot.state == State.LOADING) {
            throw slot.loadFailure != null ? slot.loadFailure : ProblemException.unavailable("local_model_failed",
                    "The local model " + slot.file.name() + " could not be loaded; model-service's log says why.");
        }
    }

    private void ended(Slot slot, int tokens, long generatingNanos) {
        lock.lock();
        try {
            slot.inFlight--;
            slot.lastUsedAt = clock.instant();
            if (tokens > 1 && generatingNanos > 0) {
                slot.tokensPerSecond = (tokens - 1) / (generatingNanos / 1e9);
            }
            unloadDrained();
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Unloads the draining models whose last call has ended. */
    private void unloadDrained() {
        boolean any = slots.values().removeIf(slot -> {
            if (slot.state != State.DRAINING || slot.inFlight > 0) {
                return false;
            }
            slot.model.close();
            return true;
        });
        if (any) {
            changed.signalAll();
        }
    }

    private long used() {
        return slots.values().stream().mapToLong(slot -> slot.cost).sum();
    }

    private ProblemException busy(ModelFile file, String why) {
        long seconds = Math.max(1, (properties.maxQueueWait().toMillis() + 999) / 1000);
        log.info("Local model {} refused a call: the queue {}", file.name(), why);
        return ProblemException.tooManyRequests("model_concurrency_limit", "The local model " + file.name()
                + " answers " + properties.maxConcurrent() + " calls at once and the queue for the local models "
                + why + ". Retry after " + seconds + " s, or raise gaia.model.local.max-concurrent or"
                + " GAIA_MODEL_MEMORY_BUDGET.", Long.toString(seconds));
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
