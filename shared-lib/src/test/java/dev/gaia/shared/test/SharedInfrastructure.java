package dev.gaia.shared.test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The real PostgreSQL (with pgvector), Redis and NATS (with JetStream) that integration tests
 * use, found or started once per JVM and stopped when it exits.
 *
 * <p>Each part is resolved on first use, in this order:
 * <ol>
 * <li>the instance the environment names ({@code GAIA_TEST_POSTGRES_URL} with
 * {@code GAIA_TEST_POSTGRES_USER} and {@code GAIA_TEST_POSTGRES_PASSWORD},
 * {@code GAIA_TEST_REDIS_URL}, {@code GAIA_TEST_NATS_URL}; a system property of the same name
 * wins), as {@code ./gaia test} sets them;</li>
 * <li>a process started from the installed binaries ({@code initdb}/{@code pg_ctl},
 * {@code redis-server}, {@code nats-server}) in a temporary directory on a free port;</li>
 * <li>a Testcontainers container when a Docker engine answers;</li>
 * <li>otherwise an {@link InfrastructureUnavailableException} saying to run {@code ./gaia test}.</li>
 * </ol>
 * Most tests get these through {@link RealInfrastructure}; tests without Spring call the
 * methods here.
 */
public final class SharedInfrastructure {

    private static final System.Logger LOG = System.getLogger(SharedInfrastructure.class.getName());

    private static final String HOW_TO_GET_IT = "Run ./gaia test: it installs and starts everything the integration "
            + "tests need. Or set %s to a running instance, install the binaries (%s), or start a Docker engine.";

    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();

    private static final Once<PostgresEndpoint> POSTGRES = new Once<>(SharedInfrastructure::resolvePostgres);
    private static final Once<RedisEndpoint> REDIS = new Once<>(SharedInfrastructure::resolveRedis);
    private static final Once<NatsEndpoint> NATS = new Once<>(SharedInfrastructure::resolveNats);

    private static Boolean docker;
    private static boolean shutdownHookRegistered;

    private SharedInfrastructure() {
    }

    /**
     * @return a PostgreSQL database with the {@code vector} extension
     * @throws InfrastructureUnavailableException when there is none to be had
     */
    public static PostgresEndpoint postgres() {
        return POSTGRES.get();
    }

    /**
     * @return a Redis server
     * @throws InfrastructureUnavailableException when there is none to be had
     */
    public static RedisEndpoint redis() {
        return REDIS.get();
    }

    /**
     * @return a NATS server with JetStream
     * @throws InfrastructureUnavailableException when there is none to be had
     */
    public static NatsEndpoint nats() {
        return NATS.get();
    }

    // The Docker suppliers are lambdas so that DockerInfrastructure, and Testcontainers with it,
    // is only loaded when a Docker engine is actually used.

    private static PostgresEndpoint resolvePostgres() {
        String url = setting("GAIA_TEST_POSTGRES_URL");
        if (url != null) {
            PostgresEndpoint endpoint = new PostgresEndpoint(url,
                    Optional.ofNullable(setting("GAIA_TEST_POSTGRES_USER")).orElse("gaia"),
                    Optional.ofNullable(setting("GAIA_TEST_POSTGRES_PASSWORD")).orElse("gaia"));
            LocalPostgres.createVectorExtension(endpoint);
            return endpoint;
        }
        return start("PostgreSQL with pgvector", LocalPostgres.findBinaries(), LocalPostgres::start,
                () -> DockerInfrastructure.postgres(),
                "GAIA_TEST_POSTGRES_URL, GAIA_TEST_POSTGRES_USER and GAIA_TEST_POSTGRES_PASSWORD",
                "postgresql and pgvector");
    }

    private static RedisEndpoint resolveRedis() {
        String url = setting("GAIA_TEST_REDIS_URL");
        if (url != null) {
            URI uri = URI.create(url);
            RedisEndpoint endpoint = new RedisEndpoint(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort());
            if (!LocalRedis.answersPing(endpoint.host(), endpoint.port())) {
                throw new InfrastructureUnavailableException("GAIA_TEST_REDIS_URL=" + url
                        + " does not answer PING. Start it, or unset it and run ./gaia test.");
            }
            return endpoint;
        }
        return start("Redis", LocalRedis.findBinary(), LocalRedis::start, () -> DockerInfrastructure.redis(),
                "GAIA_TEST_REDIS_URL", "redis-server");
    }

    private static NatsEndpoint resolveNats() {
        String url = setting("GAIA_TEST_NATS_URL");
        if (url != null) {
            URI uri = URI.create(url);
            if (!LocalProcess.accepts(uri.getHost(), uri.getPort() == -1 ? 4222 : uri.getPort())) {
                throw new InfrastructureUnavailableException("GAIA_TEST_NATS_URL=" + url
                        + " accepts no connections. Start it, or unset it and run ./gaia test.");
            }
            return new NatsEndpoint(url);
        }
        return start("NATS with JetStream", LocalNats.findBinary(), LocalNats::start, () -> DockerInfrastructure.nats(),
                "GAIA_TEST_NATS_URL", "nats-server");
    }

    /**
     * Starts a part from its local binaries if they are installed, else (or when that fails) in
     * Docker if an engine answers, else fails saying how to get it.
     */
    private static <E> E start(String what, Optional<Path> binaries, Function<Path, StartedInfrastructure<E>> local,
            Supplier<StartedInfrastructure<E>> container, String variables, String packages) {
        InfrastructureUnavailableException localFailure = null;
        if (binaries.isPresent()) {
            try {
                return remember(local.apply(binaries.get()));
            }
            catch (InfrastructureUnavailableException ex) {
                localFailure = ex;
            }
        }
        if (dockerAvailable()) {
            if (localFailure != null) {
                LOG.log(System.Logger.Level.WARNING, "Could not start " + what + " from " + binaries.get()
                        + "; starting it in Docker instead", localFailure);
            }
            return remember(container.get());
        }
        if (localFailure != null) {
            throw localFailure;
        }
        throw new InfrastructureUnavailableException("No " + what + " for integration tests: " + variables
                + " not set, no installed binaries found and no Docker engine answers. "
                + HOW_TO_GET_IT.formatted(variables, packages));
    }

    private static synchronized <E> E remember(StartedInfrastructure<E> started) {
        STARTED.push(started.resource());
        if (!shutdownHookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "gaia-test-infrastructure-stop"));
            shutdownHookRegistered = true;
        }
        return started.endpoint();
    }

    private static synchronized void stopAll() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            }
            catch (Exception ex) {
                LOG.log(System.Logger.Level.WARNING, "Could not stop test infrastructure", ex);
            }
        }
    }

    private static synchronized boolean dockerAvailable() {
        if (docker == null) {
            docker = isClassPresent("org.testcontainers.DockerClientFactory") && DockerInfrastructure.available();
        }
        return docker;
    }

    private static boolean isClassPresent(String name) {
        try {
            Class.forName(name, false, SharedInfrastructure.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A part resolved at most once per JVM: its endpoint, or the reason there is none, which
     * every later test gets at once instead of waiting for another failed start.
     */
    private static final class Once<E> {

        private final Supplier<E> resolver;
        private E endpoint;
        private InfrastructureUnavailableException failure;

        Once(Supplier<E> resolver) {
            this.resolver = resolver;
        }

        synchronized E get() {
            if (endpoint == null && failure == null) {
                try {
                    endpoint = resolver.get();
                }
                catch (InfrastructureUnavailableException ex) {
                    failure = ex;
                }
            }
            if (failure != null) {
                throw new InfrastructureUnavailableException(failure.getMessage(), failure);
            }
            return endpoint;
        }
    }
}
