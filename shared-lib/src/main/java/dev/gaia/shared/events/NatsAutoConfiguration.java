package dev.gaia.shared.events;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's connection to NATS. It must be reachable at start, like the database; after
 * that the client reconnects for as long as it takes, and the outbox keeps events meanwhile.
 */
@AutoConfiguration
@ConditionalOnClass(Connection.class)
@EnableConfigurationProperties(NatsProperties.class)
public final class NatsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Connection natsConnection(NatsProperties properties, @Value("${spring.application.name:gaia}") String name)
            throws InterruptedException {
        Options options = Options.builder()
                .server(properties.url().toString())
                .connectionName(name)
                .connectionTimeout(properties.connectTimeout())
                .maxReconnects(-1)
                .build();
        try {
            return Nats.connect(options);
        }
        catch (IOException ex) {
            throw new IllegalStateException("NATS is not reachable at " + properties.url()
                    + " (set GAIA_NATS_URL, or start the infrastructure with ./gaia up)", ex);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class NatsHealthConfiguration {

        @Bean
        HealthIndicator natsHealthIndicator(Connection connection) {
            return () -> {
                Connection.Status status = connection.getStatus();
                Health.Builder health = status == Connection.Status.CONNECTED ? Health.up() : Health.down();
                return health.withDetail("status", status.name()).build();
            };
        }
    }
}
