package dev.gaia.shared.events;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events to JetStream, oldest first, each with {@code Nats-Msg-Id}
 * = event id so that a publish repeated after a crash is dropped by the stream. Woken after
 * every commit that wrote an event, and polling besides for events left by a restart or an
 * outage. Several instances of a service share the table safely ({@code skip locked}).
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);
    private static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Connection nats;
    private final NatsProperties natsProperties;
    private final OutboxProperties properties;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean streamReady;
    private volatile ScheduledExecutorService executor;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Connection nats, NatsProperties natsProperties,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.nats = nats;
        this.natsProperties = natsProperties;
        this.properties = properties;
    }

    /** Relays pending events soon, on the relay's own thread. */
    void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && wakeUpPending.compareAndSet(false, true)) {
            current.execute(() -> {
                wakeUpPending.set(false);
                relayPending();
            });
        }
    }

    /** Publishes every pending event it can; stops at the first that fails and leaves it for the next pass. */
    void relayPending() {
        try {
            ensureStream();
            JetStream jetStream = nats.jetStream(JetStreamOptions.builder()
                    .requestTimeout(natsProperties.publishTimeout()).build());
            boolean more = true;
            while (more) {
                Boolean fullBatchPublished = transactions.execute(status -> publishBatch(jetStream));
                more = Boolean.TRUE.equals(fullBatchPublished);
            }
        }
        catch (Exception ex) {
            log.warn("Outbox events not relayed yet, will retry: {}", ex.getMessage());
        }
    }

    private boolean publishBatch(JetStream jetStream) {
        List<PendingEvent> pending = jdbc.sql("""
                select id, subject, payload::text as payload from outbox
                where published_at is null
                order by created_at
                limit :limit
                for update skip locked
                """)
                .param("limit", properties.batchSize())
                .query((rs, row) -> new PendingEvent(rs.getObject("id", UUID.class), rs.getString("subject"),
                        rs.getString("payload")))
                .list();
        List<UUID> published = new ArrayList<>(pending.size());
        try {
            for (PendingEvent event : pending) {
                jetStream.publish(event.subject(), event.payload().getBytes(StandardCharsets.UTF_8),
                        PublishOptions.builder().messageId(event.id().toString()).build());
                published.add(event.id());
            }
        }
        catch (Exception ex) {
            log.warn("Publishing outbox event failed, will retry: {}", ex.getMessage());
        }
        if (!published.isEmpty()) {
            jdbc.sql("update outbox set published_at = now() where id in (:ids)").param("ids", published).update();
        }
        return !pending.isEmpty() && published.size() == properties.batchSize();
    }

    private void ensureStream() throws Exception {
        if (streamReady) {
            return;
        }
        JetStreamManagement management = nats.jetStreamManagement();
        try {
            management.getStreamInfo(EventSubjects.STREAM);
        }
        catch (JetStreamApiException notFound) {
            try {
                management.addStream(StreamConfiguration.builder()
                        .name(EventSubjects.STREAM)
                        .subjects(EventSubjects.ALL)
                        .storageType(StorageType.File)
                        .duplicateWindow(DUPLICATE_WINDOW)
                        .build());
            }
            catch (JetStreamApiException createdMeanwhile) {
                management.getStreamInfo(EventSubjects.STREAM);
            }
        }
        streamReady = true;
    }

    private void deletePublishedBefore(Instant cutoff) {
        try {
            int deleted = jdbc.sql("delete from outbox where published_at < :cutoff")
                    .param("cutoff", Timestamp.from(cutoff))
                    .update();
            log.debug("Deleted {} published outbox events", deleted);
        }
        catch (Exception ex) {
            log.warn("Outbox cleanup failed: {}", ex.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long pollMillis = properties.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::relayPending, 0, pollMillis, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(() -> deletePublishedBefore(Instant.now().minus(properties.retention())),
                CLEANUP_INTERVAL.toMillis(), CLEANUP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(natsProperties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record PendingEvent(UUID id, String subject, String payload) {
    }
}
