package dev.gaia.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./gaia models pull | list} against a local server that answers as Hugging Face does: a
 * file's resolve URL redirects to its content and names its SHA-256 in {@code X-Linked-Etag}.
 */
class GaiaModelsCommandIT {

    private static final byte[] MODEL = randomBytes(300_000);
    private static final String MODEL_SHA256 = sha256(MODEL);
    private static HttpServer huggingFace;

    @TempDir
    Path home;

    @BeforeAll
    static void startHuggingFace() throws IOException {
        huggingFace = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        huggingFace.createContext("/gaia/tiny-GGUF/resolve/main/tiny.Q4_0.gguf",
                exchange -> redirect(exchange, MODEL_SHA256));
        huggingFace.createContext("/gaia/tiny-GGUF/resolve/main/damaged.Q4_0.gguf",
                exchange -> redirect(exchange, sha256("other content".getBytes(StandardCharsets.UTF_8))));
        huggingFace.createContext("/gaia/tiny-GGUF/resolve/main/plain.gguf", exchange -> serve(exchange, MODEL));
        huggingFace.createContext("/blobs/tiny", exchange -> serve(exchange, MODEL));
        huggingFace.start();
    }

    @AfterAll
    static void stopHuggingFace() {
        huggingFace.stop(0);
    }

    @Test
    void downloadsAModelChecksItsSha256AndListsIt() throws Exception {
        Result pull = gaia("models", "pull", "gaia/tiny-GGUF/tiny.Q4_0.gguf");

        assertThat(pull.exitCode()).as(pull.output()).isZero();
        assertThat(pull.output()).contains("local/tiny.Q4_0.gguf is ready", MODEL_SHA256);
        assertThat(models().resolve("tiny.Q4_0.gguf")).hasBinaryContent(MODEL);
        Result list = gaia("models", "list");
        assertThat(list.output()).contains("local/tiny.Q4_0.gguf", "293.0KB");
    }

    @Test
    void deletesADownloadWhoseChecksumDiffers() throws Exception {
        Result pull = gaia("models", "pull", "gaia/tiny-GGUF/damaged.Q4_0.gguf");

        assertThat(pull.exitCode()).isNotZero();
        assertThat(pull.output()).contains("damaged", MODEL_SHA256);
        try (var files = Files.list(models())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void needsTheChecksumGivenWhenHuggingFacePublishesNone() throws Exception {
        Result refused = gaia("models", "pull", "gaia/tiny-GGUF/plain.gguf");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("--sha256");

        Result pull = gaia("models", "pull", "gaia/tiny-GGUF/plain.gguf", "--sha256", MODEL_SHA256);
        assertThat(pull.exitCode()).as(pull.output()).isZero();
        assertThat(models().resolve("plain.gguf")).hasBinaryContent(MODEL);
    }

    @Test
    void refusesNamesThatAreNotAGgufFile() throws Exception {
        assertThat(gaia("models", "pull", "gaia/tiny-GGUF/../../etc/passwd").exitCode()).isNotZero();
        assertThat(gaia("models", "pull", "gaia/tiny-GGUF/readme.md").output()).contains("not a GGUF file name");
    }

    private record Result(int exitCode, String output) {
    }

    private Path models() {
        return home.resolve("models");
    }

    private Result gaia(String... arguments) throws Exception {
        Path root = Path.of(System.getProperty("gaia.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("gaia").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("GAIA_HOME", home.resolve("state").toString());
        builder.environment().put("GAIA_MODELS_DIR", models().toString());
        builder.environment().put("GAIA_HF_ENDPOINT", "http://127.0.0.1:" + huggingFace.getAddress().getPort());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Hugging Face's answer for a file stored with Git LFS: a redirect naming its SHA-256. */
    private static void redirect(HttpExchange exchange, String sha256) throws IOException {
        exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256 + "\"");
        exchange.getResponseHeaders().add("X-Linked-Size", Integer.toString(MODEL.length));
        exchange.getResponseHeaders().add("Location", "/blobs/tiny");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void serve(HttpExchange exchange, byte[] content) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Length", Integer.toString(content.length));
            exchange.sendResponseHeaders(200, -1);
        }
        else {
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
        }
        exchange.close();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
