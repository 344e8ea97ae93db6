package dev.gaia.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml cannot run on machines without a Docker engine, but {@code docker compose
 * config} (or {@code docker-compose config}) still parses, validates and resolves it; this test
 * checks what it resolves to: all ten services, each with its healthcheck, started in order of
 * health.
 */
class DockerComposeConfigIT {

    private static final List<String> INFRASTRUCTURE = List.of("postgres", "redis", "nats");
    private static final Map<String, Integer> SERVICES = Map.of(
            "gateway-service", 8666, "auth-service", 8081, "chat-service", 8082, "npc-service", 8083,
            "memory-service", 8084, "model-service", 8085, "asset-service", 8086);
    private static final Pattern SERVICE_NAME = Pattern.compile("^  ([A-Za-z0-9._-]+):\\s*$");

    private static Map<String, String> services;

    @BeforeAll
    static void resolveComposeFile() throws Exception {
        Path root = repositoryRoot();
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-f", root.resolve("docker-compose.yml").toString(), "config"));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("exit status of %s, which printed:%n%s", command, output).isZero();
        services = serviceBlocks(output);
    }

    @Test
    void namesAllTenServices() {
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(allServices());
    }

    @Test
    void everyServiceHasAHealthcheck() {
        for (String service : allServices()) {
            assertThat(services.get(service)).as("%s's healthcheck", service).contains("healthcheck:").contains("test:");
        }
        assertThat(services.get("postgres")).contains("pg_isready");
        assertThat(services.get("redis")).contains("redis-cli");
        assertThat(services.get("nats")).contains("/healthz").contains("-js");
        SERVICES.forEach((service, port) -> assertThat(services.get(service))
                .as("%s's healthcheck", service)
                .contains("http://localhost:" + port + "/actuator/health/readiness"));
    }

    @Test
    void servicesStartOnlyAfterTheirDependenciesAreHealthy() {
        for (String service : SERVICES.keySet()) {
            String block = services.get(service);
            assertThat(block).as("%s's dependencies", service).contains("depends_on:").contains("condition: service_healthy");
            assertThat(block).as("%s's dependencies", service).doesNotContain("condition: service_started");
        }
        assertThat(services.get("gateway-service")).contains("auth-service:").contains("chat-service:");
    }

    @Test
    void servicesReachTheInfrastructureByServiceName() {
        for (String service : SERVICES.keySet()) {
            assertThat(services.get(service)).as("%s's environment", service)
                    .contains("GAIA_POSTGRES_HOST: postgres")
                    .contains("GAIA_REDIS_HOST: redis")
                    .contains("GAIA_NATS_URL: nats://nats:4222")
                    .contains("GAIA_AUTH_URL: http://auth-service:8081");
        }
    }

    @Test
    void theGatewayIsTheOnlyPublishedService() {
        assertThat(services.get("gateway-service")).containsPattern("(?s)ports:.*8666");
        for (String service : SERVICES.keySet()) {
            if (!service.equals("gateway-service")) {
                assertThat(services.get(service)).as("%s's ports", service).doesNotContain("ports:");
            }
        }
    }

    /** The text of each entry under the top-level {@code services:} key, by service name. */
    private static Map<String, String> serviceBlocks(String config) {
        Map<String, String> blocks = new LinkedHashMap<>();
        boolean inServices = false;
        String current = null;
        StringBuilder block = new StringBuilder();
        for (String line : config.split("\\R")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                inServices = line.startsWith("services:");
                if (current != null) {
                    blocks.put(current, block.toString());
                    current = null;
                }
                continue;
            }
            if (!inServices) {
                continue;
            }
            Matcher name = SERVICE_NAME.matcher(line);
            if (name.matches()) {
                if (current != null) {
                    blocks.put(current, block.toString());
                }
                current = name.group(1);
                block.setLength(0);
            }
            else if (current != null) {
                block.append(line).append('\n');
            }
        }
        if (current != null) {
            blocks.put(current, block.toString());
        }
        return blocks;
    }

    private static List<String> allServices() {
        List<String> all = new ArrayList<>(INFRASTRUCTURE);
        all.addAll(SERVICES.keySet());
        return all;
    }

    /** {@code docker compose} when the plugin answers, else {@code docker-compose}. */
    private static List<String> composeCommand() throws InterruptedException {
        if (succeeds(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        if (succeeds(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        return fail("Neither 'docker compose' nor 'docker-compose' is installed, so docker-compose.yml cannot be "
                + "validated. Run ./gaia test: it installs docker-compose when neither is present.");
    }

    private static boolean succeeds(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("docker-compose.yml")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        return fail("No docker-compose.yml found in " + Path.of("").toAbsolutePath() + " or above it");
    }
}
