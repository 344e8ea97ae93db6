package dev.gaia.shared.events;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The NATS server events go to.
 *
 * @param url the NATS server, with JetStream enabled
 * @param connectTimeout how long one connection attempt may take
 * @param publishTimeout how long a publish may wait for JetStream's acknowledgement
 */
@ConfigurationProperties("gaia.nats")
public record NatsProperties(
        @DefaultValue("nats://localhost:14222") URI url,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("2s") Duration publishTimeout) {
}
