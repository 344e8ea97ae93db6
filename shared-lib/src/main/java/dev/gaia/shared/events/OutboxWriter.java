package dev.gaia.shared.events;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the service's {@code outbox} table, in the transaction of the change it
 * reports: the event exists exactly when the change committed. The {@link OutboxRelay} is woken
 * after the commit and publishes it to JetStream.
 */
public final class OutboxWriter {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;
    private final String source;
    private final OutboxRelay relay;

    OutboxWriter(JdbcClient jdbc, JsonMapper jsonMapper, String source, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.source = source;
        this.relay = relay;
    }

    /**
     * Writes one event, e.g. {@code write(gameId, "conversation", "ended", 1, new ConversationEnded(...))}.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public <T> EventEnvelope<T> write(UUID gameId, String aggregate, String event, int version, T data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An event must be written in the transaction of the change it reports");
        }
        EventEnvelope<T> envelope = EventEnvelope.of(gameId, aggregate, event, version, source, data);
        jdbc.sql("""
                insert into outbox (id, game_id, subject, type, payload)
                values (:id, :gameId, :subject, :type, cast(:payload as jsonb))
                """)
                .param("id", envelope.id())
                .param("gameId", gameId)
                .param("subject", envelope.subject())
                .param("type", envelope.type())
                .param("payload", jsonMapper.writeValueAsString(envelope))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return envelope;
    }
}
