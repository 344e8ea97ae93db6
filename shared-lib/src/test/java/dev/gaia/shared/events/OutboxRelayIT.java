package dev.gaia.shared.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import dev.gaia.shared.test.PostgresEndpoint;
import dev.gaia.shared.test.SharedInfrastructure;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class OutboxRelayIT {

    private final JsonMapper jsonMapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private final UUID gameId = UUID.randomUUID();
    private final NatsProperties natsProperties = new NatsProperties(
            URI.create(SharedInfrastructure.nats().url()), Duration.ofSeconds(5), Duration.ofSeconds(2));

    private Connection nats;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private OutboxRelay relay;
    private OutboxWriter writer;

    record ConversationEnded(UUID sessionId, int turnCount) {
    }

    @BeforeEach
    void createOutbox() throws Exception {
        PostgresEndpoint postgres = SharedInfrastructure.postgres();
        String schema = "outbox_it_" + UUID.randomUUID().toString().replace("-", "");
        DriverManagerDataSource admin = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
        JdbcClient.create(admin).sql("create schema " + schema).update();
        Properties connectionProperties = new Properties();
        connectionProperties.setProperty("user", postgres.username());
        connectionProperties.setProperty("password", postgres.password());
        connectionProperties.setProperty("currentSchema", schema);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), connectionProperties);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                create table outbox (
                    id uuid primary key, game_id uuid not null, subject varchar(255) not null,
                    type varchar(255) not null, payload jsonb not null,
                    created_at timestamptz not null default now(), published_at timestamptz)
                """).update();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        nats = Nats.connect(natsProperties.url().toString());
        relay = new OutboxRelay(jdbc, transactions, nats, natsProperties,
                new OutboxProperties(Duration.ofMinutes(10), 100, Duration.ofDays(7)));
        writer = new OutboxWriter(jdbc, jsonMapper, "test-service", relay);
    }

    @AfterEach
    void stopRelay() throws InterruptedException {
        relay.stop();
        nats.close();
    }

    @Test
    void publishesAnEventOnceItsTransactionCommits() throws Exception {
        relay.start();
        UUID sessionId = UUID.randomUUID();

        EventEnvelope<ConversationEnded> written = transactions.execute(status ->
                writer.write(gameId, "conversation", "ended", 1, new ConversationEnded(sessionId, 3)));

        MessageInfo message = awaitLastMessage(written.subject());
        assertThat(message.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(written.id().toString());
        JsonNode event = jsonMapper.readTree(new String(message.getData(), StandardCharsets.UTF_8));
        assertThat(event.get("id").asString()).isEqualTo(written.id().toString());
        assertThat(event.get("type").asString()).isEqualTo("dev.gaia.conversation.ended.v1");
        assertThat(event.get("source").asString()).isEqualTo("/test-service");
        assertThat(event.get("game_id").asString()).isEqualTo(gameId.toString());
        assertThat(event.get("data").get("session_id").asString()).isEqualTo(sessionId.toString());
        assertThat(event.get("data").get("turn_count").asInt()).isEqualTo(3);
        awaitPublishedCount(1);
    }

    @Test
    void publishesNothingForARolledBackChange() throws Exception {
        relay.start();

        EventEnvelope<ConversationEnded> written = transactions.execute(status -> {
            status.setRollbackOnly();
            return writer.write(gameId, "conversation", "ended", 1, new ConversationEnded(UUID.randomUUID(), 1));
        });
        relay.relayPending();

        assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single()).isZero();
        assertThat(lastMessage(written.subject())).isNull();
    }

    @Test
    void relaysEventsLeftBehindByAnEarlierRun() throws Exception {
        EventEnvelope<ConversationEnded> written = transactions.execute(status ->
                writer.write(gameId, "conversation", "ended", 1, new ConversationEnded(UUID.randomUUID(), 2)));
        assertThat(lastMessage(written.subject())).isNull();

        relay.start();

        assertThat(awaitLastMessage(written.subject()).getHeaders().getFirst("Nats-Msg-Id"))
                .isEqualTo(written.id().toString());
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatIllegalStateException().isThrownBy(() ->
                writer.write(gameId, "conversation", "ended", 1, new ConversationEnded(UUID.randomUUID(), 1)));
    }

    private MessageInfo awaitLastMessage(String subject) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> lastMessage(subject), Objects::nonNull);
    }

    private MessageInfo lastMessage(String subject) throws Exception {
        try {
            return nats.jetStreamManagement().getLastMessage(EventSubjects.STREAM, subject);
        }
        catch (JetStreamApiException notFound) {
            return null;
        }
    }

    private void awaitPublishedCount(long expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from outbox where published_at is not null").query(Long.class).single())
                .isEqualTo(expected));
    }
}
