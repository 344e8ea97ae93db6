package dev.gaia.model.provider.ollama;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.gaia.model.HttpAnswers.problemOf;
import static dev.gaia.model.HttpAnswers.reader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * model-service's Ollama operations and {@code ollama/<model>} completions against a fake
 * Ollama server speaking the real wire format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class OllamaProviderIT {

    private static final FakeOllamaServer ollama = FakeOllamaServer.start();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.shared();
    private static final UUID GAME = UUID.randomUUID();
    private static final String ADMIN = TestTokens.shared().admin(GAME);
    private static final String PLAYER = TestTokens.shared().player(GAME);

    @AfterAll
    static void stopOllama() {
        ollama.close();
    }

    @Nested
    class WithOllama {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void provider(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.ollama.base-url", () -> ollama.baseUrl().toString());
        }

        @BeforeEach
        void resetOllama() {
            ollama.reset();
        }

        @Test
        void listsTheLocalModelsForAnAdmin() throws Exception {
            HttpResponse<String> response = http.send(request(port, "/api/models/ollama", ADMIN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode models = json.readTree(response.body()).path("models");
            assertThat(models.valueStream().map(model -> model.path("name").stringValue()))
                    .containsExactly("llama3.2:latest", "qwen2.5:0.5b");
            assertThat(models.at("/0/size").asLong()).isEqualTo(FakeOllamaServer.TOTAL);
            assertThat(ollama.requests()).extracting(FakeOllamaServer.Recorded::path).containsExactly("/api/tags");
        }

        @Test
        void relaysPullProgressLineByLineAsOllamaSendsIt() throws Exception {
            HttpResponse<InputStream> response = http.send(pull(port, ADMIN, "llama3.2"),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/x-ndjson"));
            List<JsonNode> progress = new ArrayList<>();
            try (BufferedReader lines = reader(response.body())) {
                // The fake holds the rest of the pull back until this line has reached the client.
                progress.add(json.readTree(lines.readLine()));
                ollama.releasePull();
                String line;
                while ((line = lines.readLine()) != null) {
                    progress.add(json.readTree(line));
                }
            }

            assertThat(progress).extracting(line -> line.path("status").stringValue()).containsExactly(
                    "pulling manifest", "pulling dde5aa3fc5ff", "pulling dde5aa3fc5ff", "pulling dde5aa3fc5ff",
                    "verifying sha256 digest", "writing manifest", "success");
            assertThat(progress.get(2).path("digest").stringValue()).isEqualTo(FakeOllamaServer.DIGEST);
            assertThat(progress.get(2).path("total").asLong()).isEqualTo(FakeOllamaServer.TOTAL);
            assertThat(progress.get(2).path("completed").asLong()).isEqualTo(FakeOllamaServer.TOTAL / 2);
            JsonNode sent = ollama.requests().getLast().json();
            assertThat(sent.path("model").stringValue()).isEqualTo("llama3.2");
            assertThat(sent.path("stream").asBoolean()).isTrue();
        }

        @Test
        void relaysOllamasErrorLineForAModelItCannotPull() throws Exception {
            HttpResponse<String> response = http.send(pull(port, ADMIN, "no-such-model"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().lines().map(json::readTree).toList().getLast().path("error").stringValue())
                    .isEqualTo("pull model manifest: file does not exist");
        }

        @Test
        void refusesAPlayerThePullAndTheList() throws Exception {
            HttpResponse<String> pull = http.send(pull(port, PLAYER, "llama3.2"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> list = http.send(request(port, "/api/models/ollama", PLAYER).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(problemOf(pull, 403).path("code").stringValue()).isEqualTo("forbidden");
            assertThat(problemOf(list, 403).path("code").stringValue()).isEqualTo("forbidden");
            assertThat(ollama.requests()).isEmpty();
        }

        @Test
        void refusesAPullOfSomethingThatIsNoModelName() throws Exception {
            HttpResponse<String> response = http.send(pull(port, ADMIN, "../etc/passwd; rm"),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = problemOf(response, 400);
            assertThat(problem.path("errors").valueStream().map(error -> error.path("field").stringValue()))
                    .containsExactly("name");
            assertThat(ollama.requests()).isEmpty();
        }

        @Test
        void answersAnOllamaModelThroughOllamasOpenAiCompatibleApi() throws Exception {
            HttpResponse<String> response = http.send(request(port, "/v1/chat/completions", PLAYER)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model":"ollama/llama3.2","messages":[{"role":"user","content":"Hi"}]}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).at("/choices/0/message/content").stringValue())
                    .isEqualTo("Hi from Ollama.");
            FakeOllamaServer.Recorded sent = ollama.requests().getLast();
            assertThat(sent.path()).isEqualTo("/v1/chat/completions");
            assertThat(sent.json().path("model").stringValue()).isEqualTo("llama3.2");
        }
    }

    @Nested
    class WithOllamaUnreachable {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void provider(DynamicPropertyRegistry registry) throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            registry.add("gaia.model.ollama.base-url", () -> "http://127.0.0.1:" + closedPort);
        }

        @Test
        void answersServiceUnavailableNamingTheOllamaBaseUrl() throws Exception {
            HttpResponse<String> list = http.send(request(port, "/api/models/ollama", ADMIN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> pull = http.send(pull(port, ADMIN, "llama3.2"), HttpResponse.BodyHandlers.ofString());

            for (HttpResponse<String> response : List.of(list, pull)) {
                JsonNode problem = problemOf(response, 503);
                assertThat(problem.path("code").stringValue()).isEqualTo("model_provider_unavailable");
                assertThat(problem.path("detail").stringValue()).contains("GAIA_OLLAMA_BASE_URL");
            }
        }
    }

    private static HttpRequest pull(int port, String token, String model) {
        return request(port, "/api/models/ollama/pull", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":" + json.writeValueAsString(model) + "}")).build();
    }

    private static HttpRequest.Builder request(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
