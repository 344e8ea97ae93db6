package dev.gaia.shared.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Real infrastructure for a Spring integration test: PostgreSQL with pgvector, Redis, NATS with
 * JetStream (each found or started once per JVM by {@link SharedInfrastructure}) and a local
 * JWKS that {@link TestTokens} signs with.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * @Import(RealInfrastructure.class)
 * class NpcApiIT {
 *     @Autowired TestTokens tokens;
 *     ...
 * }
 * }</pre>
 *
 * <p>It sets {@code spring.datasource.url}, {@code spring.datasource.username},
 * {@code spring.datasource.password}, {@code spring.data.redis.host},
 * {@code spring.data.redis.port}, {@code gaia.nats.url} and {@code gaia.security.jwks-uri}.
 * Values are resolved when first read, so a service that never reads, say, the Redis
 * properties never starts a Redis.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructure {

    @Bean
    DynamicPropertyRegistrar gaiaPostgresProperties() {
        return registry -> {
            registry.add("spring.datasource.url", () -> SharedInfrastructure.postgres().jdbcUrl());
            registry.add("spring.datasource.username", () -> SharedInfrastructure.postgres().username());
            registry.add("spring.datasource.password", () -> SharedInfrastructure.postgres().password());
        };
    }

    @Bean
    DynamicPropertyRegistrar gaiaRedisProperties() {
        return registry -> {
            registry.add("spring.data.redis.host", () -> SharedInfrastructure.redis().host());
            registry.add("spring.data.redis.port", () -> SharedInfrastructure.redis().port());
        };
    }

    @Bean
    DynamicPropertyRegistrar gaiaNatsProperties() {
        return registry -> registry.add("gaia.nats.url", () -> SharedInfrastructure.nats().url());
    }

    @Bean
    DynamicPropertyRegistrar gaiaJwksProperties() {
        return registry -> registry.add("gaia.security.jwks-uri", () -> TestTokens.shared().jwksUri().toString());
    }

    /** Shared by every test context of the JVM, so no context may close it. */
    @Bean(destroyMethod = "")
    TestTokens testTokens() {
        return TestTokens.shared();
    }
}
