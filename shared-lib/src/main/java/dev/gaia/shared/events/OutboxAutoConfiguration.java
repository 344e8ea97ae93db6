package dev.gaia.shared.events;

import io.nats.client.Connection;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox of a service that has a database and a NATS connection. */
@AutoConfiguration(after = { NatsAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class },
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({ Connection.class, JdbcClient.class })
@ConditionalOnBean({ Connection.class, JdbcClient.class, PlatformTransactionManager.class })
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, Connection nats,
            NatsProperties natsProperties, OutboxProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), nats, natsProperties, properties);
    }

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, JsonMapper jsonMapper, OutboxRelay relay,
            @Value("${spring.application.name:gaia}") String source) {
        return new OutboxWriter(jdbc, jsonMapper, source, relay);
    }
}
