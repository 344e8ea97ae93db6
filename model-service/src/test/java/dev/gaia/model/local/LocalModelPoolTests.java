package dev.gaia.model.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gaia.model.local.LocalModelFiles.ModelFile;
import dev.gaia.model.local.LocalModelPool.LoadedModelStatus;
import dev.gaia.model.local.LocalModelPool.State;
import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Hot swap of real tiny GGUF models under a memory budget that holds only one of them: calls in
 * flight finish on the model being swapped out, calls for the other wait and are answered after.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalModelPoolTests {

    @TempDir
    static Path models;

    private static ModelFile chat;
    private static ModelFile summary;

    private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
    /** Holds every load until it opens; open unless a test closes it. */
    private volatile CountDownLatch loadGate = new CountDownLatch(0);
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private LocalModelPool pool;

    @BeforeAll
    static void writeModels() {
        chat = file(TinyGguf.write(models.resolve("chat.gguf"), 1));
        summary = file(TinyGguf.write(models.resolve("summary.gguf"), 2));
    }

    @AfterEach
    void closePool() {
        callers.shutdownNow();
        pool.close();
    }

    @Test
    void keepsBothModelsLoadedWhenTheBudgetHoldsThem() {
        pool = pool(chat.sizeBytes() + summary.sizeBytes(), 2, 4);

        pool.acquire(chat).release(0, 0);
        pool.acquire(summary).release(0, 0);
        pool.acquire(chat).release(0, 0);

        assertThat(pool.status().loaded()).extracting(LoadedModelStatus::name, LoadedModelStatus::state)
                .containsExactly(tuple("chat.gguf", State.LOADED),
                        tuple("summary.gguf", State.LOADED));
        assertThat(loads).containsOnlyKeys("chat.gguf", "summary.gguf");
        assertThat(loads.get("chat.gguf")).hasValue(1);
    }

    @Test
    void swapsOnlyAfterTheCallsInFlightHaveFinished() throws Exception {
        pool = pool(chat.sizeBytes() + summary.sizeBytes() / 2, 2, 4);
        LocalModelPool.Lease chatting = pool.acquire(chat);

        CompletableFuture<LocalModelPool.Lease> summarising = CompletableFuture.supplyAsync(() -> pool.acquire(summary), callers);
        await().until(() -> pool.status().queued() == 1);
        assertThat(pool.status().loaded()).singleElement().satisfies(model -> {
            assertThat(model.name()).isEqualTo("chat.gguf");
            assertThat(model.state()).isEqualTo(State.DRAINING);
            assertThat(model.inFlight()).isEqualTo(1);
        });
        assertThat(summarising).isNotDone();
        assertThat(chatting.model().countTokens("the chat call still runs")).isPositive();

        chatting.release(5, 1_000_000);
        LocalModelPool.Lease lease = summarising.get();

        assertThat(lease.model().file().name()).isEqualTo("summary.gguf");
        assertThat(pool.status().loaded()).extracting(LoadedModelStatus::name).containsExactly("summary.gguf");
        lease.release(0, 0);
    }

    @Test
    void queuesNewCallsForAModelBeingSwappedOutAndLoadsItAgainAfter() throws Exception {
        pool = pool(chat.sizeBytes() + summary.sizeBytes() / 2, 2, 4);
        LocalModelPool.Lease chatting = pool.acquire(chat);
        CompletableFuture<LocalModelPool.Lease> summarising = CompletableFuture.supplyAsync(() -> pool.acquire(summary), callers);
        await().until(() -> pool.status().queued() == 1);

        CompletableFuture<LocalModelPool.Lease> chattingAgain = CompletableFuture.supplyAsync(() -> pool.acquire(chat), callers);
        await().until(() -> pool.status().queued() == 2);
        chatting.release(0, 0);
        summarising.get().release(0, 0);

        assertThat(chattingAgain.get().model().file().name()).isEqualTo("chat.gguf");
        assertThat(loads.get("chat.gguf")).hasValue(2);
    }

    @Test
    void makesCallsBeyondAModelsConcurrencyWait() throws Exception {
        pool = pool(chat.sizeBytes(), 1, 4);
        LocalModelPool.Lease first = pool.acquire(chat);

        CompletableFuture<LocalModelPool.Lease> second = CompletableFuture.supplyAsync(() -> pool.acquire(chat), callers);
        await().until(() -> pool.status().queuedByModel().equals(Map.of("chat.gguf", 1)));
        assertThat(second).isNotDone();
        first.release(0, 0);

        assertThat(second.get().model()).isSameAs(first.model());
    }

    @Test
    void keepsAModelWhoseCallStoppedWaitingForItsLoad() throws Exception {
        pool = pool(chat.sizeBytes(), 1, 4);
        loadGate = new CountDownLatch(1);
        CompletableFuture<LocalModelPool.Lease> gaveUp = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                gaveUp.complete(pool.acquire(chat));
            }
            catch (RuntimeException ex) {
                gaveUp.completeExceptionally(ex);
            }
        });
        await().until(() -> loads.containsKey("chat.gguf"));

        caller.interrupt();
        assertThat(gaveUp).failsWithin(Duration.ofSeconds(10));
        loadGate.countDown();

        await().until(() -> pool.status().loaded().stream().anyMatch(model -> model.state() == State.LOADED));
        pool.acquire(chat).release(0, 0);
        assertThat(loads.get("chat.gguf")).as("the load the call gave up on is the one used").hasValue(1);
    }

    @Test
    void refusesACallWith429WhenTheQueueIsFull() {
        pool = pool(chat.sizeBytes(), 1, 0);
        LocalModelPool.Lease busy = pool.acquire(chat);

        assertThatThrownBy(() -> pool.acquire(chat)).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(429);
            assertThat(problem.code()).isEqualTo("model_concurrency_limit");
            assertThat(problem.headers().getFirst("Retry-After")).isNotBlank();
        });
        busy.release(0, 0);
    }

    @Test
    void refusesAModelLargerThanTheWholeBudget() {
        pool = pool(chat.sizeBytes() - 1, 1, 4);

        assertThatThrownBy(() -> pool.acquire(chat)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.code()).isEqualTo("local_model_exceeds_memory_budget"));
        assertThat(loads).isEmpty();
    }

    @Test
    void reloadsAModelFromItsFile() {
        pool = pool(chat.sizeBytes(), 1, 4);
        LocalModelPool.Lease earlier = pool.acquire(chat);
        LocalModel before = earlier.model();
        earlier.release(0, 0);

        pool.reload(chat);

        LocalModelPool.Lease lease = pool.acquire(chat);
        assertThat(lease.model()).isNotSameAs(before);
        assertThat(loads.get("chat.gguf")).hasValue(2);
        lease.release(0, 0);
    }

    @Test
    void recordsHowFastAModelGenerated() {
        pool = pool(chat.sizeBytes(), 1, 4);

        pool.acquire(chat).release(11, 500_000_000);

        assertThat(pool.status().loaded()).singleElement()
                .satisfies(model -> assertThat(model.tokensPerSecond()).isEqualTo(20.0));
    }

    private LocalModelPool pool(long budgetBytes, int maxConcurrent, int maxQueued) {
        LocalModelProperties properties = new LocalModelProperties(models, DataSize.ofBytes(budgetBytes),
                DataSize.ofBytes(0), 64, 1, maxConcurrent, maxQueued, Duration.ofSeconds(30), 16);
        return new LocalModelPool(properties, (file, settings) -> {
            loads.computeIfAbsent(file.name(), name -> new AtomicInteger()).incrementAndGet();
            try {
                loadGate.await();
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException("a load was interrupted", ex);
            }
            return LocalModel.load(file, settings);
        }, Clock.systemUTC());
    }

    private static ModelFile file(Path path) {
        return new ModelFile(path.getFileName().toString(), path, path.toFile().length());
    }
}
