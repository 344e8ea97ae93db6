package dev.gaia.shared.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A server process this JVM started from an installed binary, with its output in a log file,
 * plus the few helpers that starting such servers needs.
 */
final class LocalProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;

    private LocalProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in the background, its output going to {@code log}.
     */
    static LocalProcess start(String name, List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new LocalProcess(name, process, log);
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Could not start " + name + ": " + String.join(" ", command), ex);
        }
    }

    /**
     * Waits until {@code ready} holds, failing early when the process exits.
     */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        awaitReady(name, timeout, ready, () -> {
            if (!process.isAlive()) {
                throw new InfrastructureUnavailableException(name + " exited with status " + process.exitValue()
                        + " before it was ready:\n" + tail(log));
            }
        });
        if (!ready.getAsBoolean()) {
            throw new InfrastructureUnavailableException(name + " was not ready within " + timeout + ":\n" + tail(log));
        }
    }

    /**
     * Stops the process: TERM, then KILL when it has not ended after a while.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls {@code ready} every 100 ms until it holds or {@code timeout} passes, running
     * {@code stillHopeful} (which throws to give up early) between attempts.
     */
    static void awaitReady(String what, Duration timeout, BooleanSupplier ready, Runnable stillHopeful) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            stillHopeful.run();
            if (Instant.now().isAfter(deadline)) {
                return;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new InfrastructureUnavailableException("Interrupted while waiting for " + what, ex);
            }
        }
    }

    /**
     * Runs {@code command} to completion and returns its output; a failure or a timeout
     * becomes an {@link InfrastructureUnavailableException} carrying that output.
     */
    static String run(List<String> command, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("gaia-command-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new InfrastructureUnavailableException(
                        "Timed out after " + timeout + ": " + String.join(" ", command) + "\n" + tail(output));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new InfrastructureUnavailableException(
                        "Failed with status " + process.exitValue() + ": " + String.join(" ", command) + "\n" + text);
            }
            return text;
        }
        catch (IOException ex) {
            throw new InfrastructureUnavailableException("Could not run " + String.join(" ", command), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InfrastructureUnavailableException("Interrupted while running " + String.join(" ", command), ex);
        }
        finally {
            if (output != null) {
                deleteQuietly(output);
            }
        }
    }

    /** A port nothing listens on at the moment. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Whether something accepts TCP connections at {@code host} and {@code port}. */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /**
     * Finds an executable by name: first in {@code preferredDirectories} (in order), then on the
     * {@code PATH}.
     */
    static Optional<Path> findExecutable(String name, List<Path> preferredDirectories) {
        List<Path> directories = new ArrayList<>(preferredDirectories);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        return directories.stream()
                .map(directory -> directory.resolve(name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The last lines of {@code file}, for error messages. */
    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException | UncheckedIOException ex) {
            return "(no output in " + file + ")";
        }
    }

    /** Deletes a file or a directory tree, ignoring what cannot be deleted. */
    static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(entry -> {
                try {
                    Files.deleteIfExists(entry);
                }
                catch (IOException ex) {
                    // Left behind in the temporary directory; the operating system cleans it.
                }
            });
        }
        catch (IOException | UncheckedIOException ex) {
            // As above.
        }
    }
}
