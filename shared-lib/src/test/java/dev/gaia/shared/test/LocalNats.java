package dev.gaia.shared.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A throw-away NATS server with JetStream started from the installed {@code nats-server}: free
 * client and monitoring ports on 127.0.0.1, its store in a temporary directory. It counts as
 * ready when its monitoring endpoint reports JetStream healthy.
 */
final class LocalNats {

    private static final System.Logger LOG = System.getLogger(LocalNats.class.getName());
    private static final String HOST = "127.0.0.1";

    private LocalNats() {
    }

    /** The installed {@code nats-server}, if any. */
    static Optional<Path> findBinary() {
        return LocalProcess.findExecutable("nats-server",
                List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/usr/local/bin"), Path.of("/opt/homebrew/bin")));
    }

    /**
     * Starts a server with {@code binary} and waits until JetStream is healthy.
     *
     * @throws InfrastructureUnavailableException when it does not start or become healthy
     */
    static StartedInfrastructure<NatsEndpoint> start(Path binary) {
        Path directory = createDirectory();
        int port = LocalProcess.freePort();
        int monitorPort = LocalProcess.freePort();
        LocalProcess process = LocalProcess.start("nats-server", List.of(binary.toString(),
                "-a", HOST, "-p", String.valueOf(port), "-m", String.valueOf(monitorPort),
                "-js", "-sd", directory.resolve("store").toString()), directory.resolve("nats.log"));
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            URI health = URI.create("http://" + HOST + ":" + monitorPort + "/healthz");
            process.awaitReady(Duration.ofSeconds(30), () -> healthy(http, health));
        }
        catch (RuntimeException ex) {
            process.close();
            LocalProcess.deleteQuietly(directory);
            throw ex;
        }
        LOG.log(System.Logger.Level.INFO, "Started NATS from {0} for integration tests on port {1}", binary, String.valueOf(port));
        return new StartedInfrastructure<>(new NatsEndpoint("nats://" + HOST + ":" + port), () -> {
            process.close();
            LocalProcess.deleteQuietly(directory);
        });
    }

    private static boolean healthy(HttpClient http, URI health) {
        try {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("gaia-nats-");
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Cannot create a temporary directory for NATS", ex);
        }
    }
}
