package dev.gaia.shared.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster started from the installed server binaries: {@code initdb}
 * in a temporary directory, a free port on 127.0.0.1, database {@code gaia} owned by the
 * superuser {@code gaia} (password {@code gaia}) with the {@code vector} extension created.
 *
 * <p>PostgreSQL refuses to run as root; when the tests do, the cluster runs as the
 * {@code postgres} user through {@code runuser}.
 */
final class LocalPostgres implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalPostgres.class.getName());

    private static final String USER = "gaia";
    private static final String PASSWORD = "gaia";
    private static final String DATABASE = "gaia";
    private static final String OWNER_WHEN_ROOT = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final String PGVECTOR_HINT = "Run ./gaia test (it installs pgvector and starts everything the "
            + "tests need), or set GAIA_TEST_POSTGRES_URL, GAIA_TEST_POSTGRES_USER and GAIA_TEST_POSTGRES_PASSWORD "
            + "to a PostgreSQL database with pgvector.";

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final List<String> asOwner;
    private final int port;

    private LocalPostgres(Path bin, Path directory, List<String> asOwner, int port) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.asOwner = asOwner;
        this.port = port;
    }

    /**
     * The directory of the newest installed server's binaries ({@code initdb}, {@code pg_ctl}):
     * Debian and Ubuntu's {@code /usr/lib/postgresql/<major>/bin}, the PGDG RPMs'
     * {@code /usr/pgsql-<major>/bin}, else wherever {@code pg_ctl} is on the {@code PATH}.
     */
    static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        candidates.addAll(versionedDirectories(Path.of("/usr/lib/postgresql"), "", "bin"));
        candidates.addAll(versionedDirectories(Path.of("/usr"), "pgsql-", "bin"));
        LocalProcess.findExecutable("pg_ctl", List.of()).map(Path::getParent).ifPresent(candidates::add);
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    /**
     * Creates, starts and provisions a cluster with the binaries in {@code bin}.
     *
     * @throws InfrastructureUnavailableException when any step fails, pgvector being absent included
     */
    static StartedInfrastructure<PostgresEndpoint> start(Path bin) {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = createDirectory();
        List<String> asOwner = root ? runAsOwnerPrefix(directory) : List.of();
        LocalPostgres postgres = new LocalPostgres(bin, directory, asOwner, LocalProcess.freePort());
        try {
            postgres.initialize();
            postgres.startServer();
            PostgresEndpoint endpoint = postgres.provision();
            LOG.log(System.Logger.Level.INFO, "Started PostgreSQL from {0} for integration tests: {1}", bin, endpoint.jdbcUrl());
            return new StartedInfrastructure<>(endpoint, postgres);
        }
        catch (RuntimeException ex) {
            postgres.close();
            throw ex;
        }
    }

    /**
     * Creates the {@code vector} extension in the database unless it exists.
     *
     * @throws InfrastructureUnavailableException when the database cannot be reached or has no pgvector
     */
    static void createVectorExtension(PostgresEndpoint endpoint) {
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
        }
        catch (SQLException ex) {
            if (isMissingExtension(ex)) {
                throw new InfrastructureUnavailableException(
                        "PostgreSQL at " + endpoint.jdbcUrl() + " has no pgvector extension installed. " + PGVECTOR_HINT, ex);
            }
            throw new InfrastructureUnavailableException(
                    "Cannot use PostgreSQL at " + endpoint.jdbcUrl() + " as " + endpoint.username() + ": " + ex.getMessage()
                            + ". " + PGVECTOR_HINT, ex);
        }
    }

    /** Stops the server and deletes the cluster. */
    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                pgCtl("-m", "fast", "-w", "-t", "30", "stop");
            }
            catch (InfrastructureUnavailableException fast) {
                try {
                    pgCtl("-m", "immediate", "-w", "stop");
                }
                catch (InfrastructureUnavailableException immediate) {
                    LOG.log(System.Logger.Level.WARNING, "PostgreSQL in " + data + " did not stop", immediate);
                }
            }
        }
        LocalProcess.deleteQuietly(directory);
    }

    private void initialize() {
        Path passwordFile = directory.resolve("password");
        write(passwordFile, PASSWORD + "\n", StandardOpenOption.CREATE_NEW);
        chownToOwner(passwordFile);
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync");
        // TCP only (no socket path to outgrow), and durability traded for speed: the data is thrown away.
        write(data.resolve("postgresql.conf"), """

                # Written by Gaia's test support
                port = %d
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 200
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                """.formatted(port), StandardOpenOption.APPEND);
    }

    private void startServer() {
        try {
            pgCtl("-l", directory.resolve("server.log").toString(), "-w", "-t", "60", "start");
        }
        catch (InfrastructureUnavailableException ex) {
            throw new InfrastructureUnavailableException(
                    ex.getMessage() + "\n" + LocalProcess.tail(directory.resolve("server.log")), ex);
        }
    }

    private PostgresEndpoint provision() {
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        catch (SQLException ex) {
            throw new InfrastructureUnavailableException("Cannot create the test database on " + server
                    + " (is the PostgreSQL JDBC driver on the test classpath?): " + ex.getMessage(), ex);
        }
        PostgresEndpoint endpoint = new PostgresEndpoint(server + DATABASE, USER, PASSWORD);
        createVectorExtension(endpoint);
        return endpoint;
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private void run(String... command) {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        LocalProcess.run(full, COMMAND_TIMEOUT);
    }

    private void chownToOwner(Path path) {
        if (asOwner.isEmpty()) {
            return;
        }
        try {
            Files.setOwner(path, owner(path));
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Cannot hand " + path + " to the " + OWNER_WHEN_ROOT + " user", ex);
        }
    }

    private static List<String> runAsOwnerPrefix(Path directory) {
        Path runuser = LocalProcess.findExecutable("runuser", List.of(Path.of("/usr/sbin"), Path.of("/sbin")))
                .orElseThrow(() -> new InfrastructureUnavailableException(
                        "The tests run as root, so PostgreSQL must run as the " + OWNER_WHEN_ROOT
                                + " user, but runuser is not installed. Run the tests as another user, or run ./gaia test."));
        try {
            Files.setOwner(directory, owner(directory));
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Cannot hand " + directory + " to the " + OWNER_WHEN_ROOT + " user", ex);
        }
        return List.of(runuser.toString(), "-u", OWNER_WHEN_ROOT, "--");
    }

    private static UserPrincipal owner(Path path) throws IOException {
        try {
            return path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OWNER_WHEN_ROOT);
        }
        catch (UserPrincipalNotFoundException ex) {
            throw new InfrastructureUnavailableException("The tests run as root, so PostgreSQL must run as the "
                    + OWNER_WHEN_ROOT + " user, which does not exist. Run the tests as another user, or run ./gaia test.", ex);
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("gaia-pg-");
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Cannot create a temporary directory for PostgreSQL", ex);
        }
    }

    private static void write(Path file, String text, StandardOpenOption option) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, option, StandardOpenOption.WRITE);
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Cannot write " + file, ex);
        }
    }

    private static boolean isMissingExtension(SQLException ex) {
        // 0A000: "extension is not available" (PostgreSQL 15+); 58P01: no control file (older).
        String state = ex.getSQLState();
        return ("0A000".equals(state) || "58P01".equals(state))
                && ex.getMessage() != null && ex.getMessage().contains("vector");
    }

    /** {@code root/<prefix><major>/<child>} directories, newest major first. */
    private static List<Path> versionedDirectories(Path root, String prefix, String child) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries
                    .filter(entry -> entry.getFileName().toString().matches(prefix.isEmpty() ? "\\d+" : prefix + "\\d+"))
                    .sorted(Comparator.comparingInt((Path entry) -> Integer.parseInt(
                            entry.getFileName().toString().substring(prefix.length()))).reversed())
                    .map(entry -> entry.resolve(child))
                    .toList();
        }
        catch (IOException ex) {
            return List.of();
        }
    }
}
