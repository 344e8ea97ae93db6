package dev.gaia.shared.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The infrastructure as Testcontainers containers, for machines with a Docker engine and
 * without the binaries. Only touched after {@link SharedInfrastructure} checked that
 * Testcontainers is on the classpath.
 */
final class DockerInfrastructure {

    private static final System.Logger LOG = System.getLogger(DockerInfrastructure.class.getName());

    private static final DockerImageName POSTGRES = DockerImageName.parse("pgvector/pgvector:pg16")
            .asCompatibleSubstituteFor("postgres");
    private static final DockerImageName REDIS = DockerImageName.parse("redis:7");
    private static final DockerImageName NATS = DockerImageName.parse("nats:2.10");

    private DockerInfrastructure() {
    }

    /** Whether a Docker engine answers. */
    static boolean available() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static StartedInfrastructure<PostgresEndpoint> postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES)
                .withDatabaseName("gaia")
                .withUsername("gaia")
                .withPassword("gaia");
        container.start();
        PostgresEndpoint endpoint = new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        LocalPostgres.createVectorExtension(endpoint);
        LOG.log(System.Logger.Level.INFO, "Started {0} for integration tests: {1}", POSTGRES, endpoint.jdbcUrl());
        return new StartedInfrastructure<>(endpoint, container::stop);
    }

    static StartedInfrastructure<RedisEndpoint> redis() {
        GenericContainer<?> container = new GenericContainer<>(REDIS).withExposedPorts(6379);
        container.start();
        LOG.log(System.Logger.Level.INFO, "Started {0} for integration tests", REDIS);
        return new StartedInfrastructure<>(new RedisEndpoint(container.getHost(), container.getMappedPort(6379)), container::stop);
    }

    static StartedInfrastructure<NatsEndpoint> nats() {
        GenericContainer<?> container = new GenericContainer<>(NATS)
                .withCommand("-js")
                .withExposedPorts(4222)
                .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
        container.start();
        LOG.log(System.Logger.Level.INFO, "Started {0} for integration tests", NATS);
        return new StartedInfrastructure<>(
                new NatsEndpoint("nats://" + container.getHost() + ":" + container.getMappedPort(4222)), container::stop);
    }
}
