package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

class UsageRecorderTests {

    private static final UUID GAME = UUID.randomUUID();

    private static final CallContext CALL = new CallContext(GAME, UUID.randomUUID(), null, "chat", "openai",
            "gpt-4o-mini");

    private static final BigDecimal COST = new BigDecimal("0.0002");

    private final ModelCallRepository repository = mock();
    private final PriceTable prices = mock();
    private final GameBudgets budgets = mock();
    private final List<UUID> written = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private UsageRecorder recorder;

    @AfterEach
    void close() {
        recorder.close();
    }

    @Test
    void keepsABatchWhileTheDatabaseIsAwayAndWritesItOnceItAnswers() {
        failFirst(new CannotGetJdbcConnectionException("Connection refused"));
        recorder = new UsageRecorder(repository, prices, budgets, mock());
        List<UUID> ids = recordThree();

        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == ids.size());
        assertThat(written).as("every call written once, in order, after the failed attempt").isEqualTo(ids);
        assertThat(attempts).hasValueGreaterThan(1);
        then(budgets).should(times(ids.size())).spent(eq(GAME), any(), eq(COST));
    }

    @Test
    void dropsABatchTheDatabaseRefusesAndGoesOnWithTheNext() {
        failFirst(new DataIntegrityViolationException("value too long for type character varying(100)"));
        recorder = new UsageRecorder(repository, prices, budgets, mock());
        List<UUID> refused = recordThree();
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);

        List<UUID> next = recordThree();
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == next.size());
        assertThat(written).isEqualTo(next).doesNotContainAnyElementsOf(refused);
    }

    /** The first write throws the given exception; later ones succeed and are kept in {@link #written}. */
    private void failFirst(RuntimeException failure) {
        given(prices.costOf(any(), any(), any())).willReturn(Optional.of(COST));
        willAnswer(invocation -> {
            if (attempts.incrementAndGet() == 1) {
                throw failure;
            }
            List<ModelCall> batch = invocation.getArgument(0);
            batch.forEach(call -> written.add(call.id()));
            return null;
        }).given(repository).insertAll(any());
    }

    private List<UUID> recordThree() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            recorder.record(id, CALL, TokenUsage.of(10, 20), null, Duration.ofMillis(40), Duration.ofMillis(12),
                    CallOutcome.OK, null, Instant.now());
            ids.add(id);
        }
        return ids;
    }
}
