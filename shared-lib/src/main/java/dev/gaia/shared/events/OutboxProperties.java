package dev.gaia.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relays events.
 *
 * @param pollInterval how often the relay looks for events nobody told it about (after a
 *        restart, or when NATS was down); committed events are relayed at once
 * @param batchSize how many events one relay pass publishes at most
 * @param retention how long published events stay in the outbox table
 */
@ConfigurationProperties("gaia.outbox")
public record OutboxProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("7d") Duration retention) {
}
