package dev.gaia.shared.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A throw-away Redis started from the installed {@code redis-server}: a free port on
 * 127.0.0.1, no persistence, its working directory in a temporary directory.
 */
final class LocalRedis {

    private static final System.Logger LOG = System.getLogger(LocalRedis.class.getName());
    private static final String HOST = "127.0.0.1";

    private LocalRedis() {
    }

    /** The installed {@code redis-server}, if any. */
    static Optional<Path> findBinary() {
        return LocalProcess.findExecutable("redis-server",
                List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin"), Path.of("/opt/homebrew/bin")));
    }

    /**
     * Starts a server with {@code binary} and waits until it answers {@code PING}.
     *
     * @throws InfrastructureUnavailableException when it does not start or answer
     */
    static StartedInfrastructure<RedisEndpoint> start(Path binary) {
        Path directory = createDirectory();
        int port = LocalProcess.freePort();
        LocalProcess process = LocalProcess.start("redis-server", List.of(binary.toString(),
                "--port", String.valueOf(port), "--bind", HOST, "--save", "", "--appendonly", "no",
                "--dir", directory.toString()), directory.resolve("redis.log"));
        try {
            process.awaitReady(Duration.ofSeconds(30), () -> answersPing(HOST, port));
        }
        catch (RuntimeException ex) {
            process.close();
            LocalProcess.deleteQuietly(directory);
            throw ex;
        }
        LOG.log(System.Logger.Level.INFO, "Started Redis from {0} for integration tests on port {1}", binary, String.valueOf(port));
        return new StartedInfrastructure<>(new RedisEndpoint(HOST, port), () -> {
            process.close();
            LocalProcess.deleteQuietly(directory);
        });
    }

    /** Whether a Redis server at {@code host:port} answers {@code PING} with {@code +PONG}. */
    static boolean answersPing(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("gaia-redis-");
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Cannot create a temporary directory for Redis", ex);
        }
    }
}
