package dev.gaia.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform, started and stopped with {@code ./gaia up} and {@code ./gaia down} as a
 * user does, in a home folder and on ports of its own so that it never meets a developer's.
 */
final class GaiaPlatform implements AutoCloseable {

    private static final long UP_TIMEOUT_MINUTES = 10;

    private final Path root;
    private final Path home;
    private final Map<String, String> environment;

    private GaiaPlatform(Path root, Path home, Map<String, String> environment) {
        this.root = root;
        this.home = home;
        this.environment = environment;
    }

    /** Starts infrastructure and services from the jars the build just packaged, with the given model provider. */
    static GaiaPlatform start(URI openAiBaseUrl) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("gaia.root", "..")).toAbsolutePath().normalize();
        Path home = root.resolve("e2e-tests/target/gaia-e2e");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GAIA_HOME", home.toString());
        environment.put("GAIA_SKIP_BUILD", "1");
        // Every port below 32768, where Linux hands out no ephemeral client ports that could hold one
        // of them when the platform binds it (NATS listens on 19222 and is monitored on 23222).
        environment.put("GAIA_POSTGRES_PORT", "19432");
        environment.put("GAIA_REDIS_PORT", "19379");
        environment.put("GAIA_NATS_PORT", "19222");
        environment.put("GAIA_GATEWAY_PORT", "18666");
        environment.put("GAIA_AUTH_PORT", "18081");
        environment.put("GAIA_CHAT_PORT", "18082");
        environment.put("GAIA_NPC_PORT", "18083");
        environment.put("GAIA_MEMORY_PORT", "18084");
        environment.put("GAIA_MODEL_PORT", "18085");
        environment.put("GAIA_ASSET_PORT", "18086");
        environment.put("GAIA_OPENAI_BASE_URL", openAiBaseUrl.toString());
        environment.put("GAIA_OPENAI_API_KEY", "e2e-key");
        environment.put("GAIA_CHAT_MODEL", "e2e-model");
        GaiaPlatform platform = new GaiaPlatform(root, home, environment);
        try {
            platform.run("up");
        }
        catch (IOException | InterruptedException | RuntimeException failed) {
            // What did start keeps running after a failed start: stop it, so the next run finds its ports free.
            try {
                platform.close();
            }
            catch (IOException | InterruptedException | RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        return platform;
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + environment.get("GAIA_GATEWAY_PORT"));
    }

    String natsUrl() {
        return "nats://127.0.0.1:" + environment.get("GAIA_NATS_PORT");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + environment.get("GAIA_POSTGRES_PORT") + "/gaia";
    }

    /** What {@code ./gaia up} printed. */
    String upOutput() throws IOException {
        return Files.readString(home.resolve("e2e-up.out"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down");
    }

    /** Runs {@code ./gaia} with these arguments against this platform and returns what it printed. */
    String run(String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(home);
        String shown = "./gaia " + String.join(" ", arguments);
        Path output = home.resolve("e2e-" + String.join("-", arguments) + ".out");
        List<String> commandLine = new ArrayList<>(List.of(root.resolve("gaia").toString()));
        commandLine.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(commandLine)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(UP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(shown + " did not finish in " + UP_TIMEOUT_MINUTES + " minutes; see "
                    + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(shown + " failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(output));
        }
        return Files.readString(output);
    }
}
