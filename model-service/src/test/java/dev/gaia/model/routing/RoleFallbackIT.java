package dev.gaia.model.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gaia.shared.test.FakeOpenAiServer;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A role answered by the next model of its chain when a model fails before its answer starts,
 * and never once the answer has started; the usage records name every model that was called.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class RoleFallbackIT {

    private static final FakeOpenAiServer primary = FakeOpenAiServer.start();
    private static final FakeOpenAiServer secondary = FakeOpenAiServer.start();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final String CHAT = """
            {"model":"%s","stream":%s,"messages":[{"role":"user","content":"Hello there"}]}""";

    @AfterAll
    static void stopUpstreams() {
        primary.close();
        secondary.close();
    }

    @Nested
    class BeforeTheFirstToken {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        private final UUID gameId = UUID.randomUUID();

        @DynamicPropertySource
        static void providers(DynamicPropertyRegistry registry) throws IOException {
            registry.add("gaia.model.openai.base-url", () -> primary.baseUrl().toString());
            registry.add("gaia.model.openai.chat-model", () -> "primary-model");
            registry.add("gaia.model.ollama.base-url", () -> secondary.baseUrl().toString());
            registry.add("gaia.model.roles.chat", () -> "ollama/secondary-model");
            int closedPort = closedPort();
            registry.add("gaia.model.anthropic.api-key", () -> "sk-ant-test");
            registry.add("gaia.model.anthropic.base-url", () -> "http://127.0.0.1:" + closedPort);
            registry.add("gaia.model.roles.scoring", () -> "anthropic/claude-3-5-haiku-latest,ollama/secondary-model");
        }

        @BeforeEach
        void resetUpstreams() {
            primary.reset();
            secondary.reset();
        }

        @ParameterizedTest
        @ValueSource(booleans = { true, false })
        void fallsBackToTheNextModelWhenTheFirstAnswers503(boolean stream) throws Exception {
            primary.failWith(503);
            secondary.reply("From", " the", " fallback");

            HttpResponse<String> response = http.send(chat(port, gameId, CHAT.formatted("chat", stream)),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("fallback");
            assertThat(secondary.lastRequest().json().path("model").stringValue()).isEqualTo("secondary-model");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls(jdbc, gameId))
                    .extracting(call -> call.get("provider") + "/" + call.get("model") + " " + call.get("outcome")
                            + " " + call.get("role"))
                    .containsExactly("openai/primary-model provider_error chat", "ollama/secondary-model ok chat"));
        }

        @Test
        void fallsBackWhenTheFirstModelsProviderIsUnreachable() throws Exception {
            HttpResponse<String> response = http.send(chat(port, gameId, CHAT.formatted("scoring", true)),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("traveller").endsWith("data: [DONE]\n\n");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls(jdbc, gameId))
                    .extracting(call -> call.get("model") + " " + call.get("error_code"))
                    .containsExactly("claude-3-5-haiku-latest model_provider_unavailable", "secondary-model null"));
        }

        @Test
        void fallsBackFromAnNpcsOwnModelToTheModelsItNamesAfterIt() throws Exception {
            primary.failWith(503);
            secondary.reply("Still", " here");

            HttpResponse<String> response = http.send(chat(port, gameId, """
                    {"model":"openai/npc-model","models":["chat"],"stream":true,
                     "messages":[{"role":"user","content":"Hello there"}]}"""), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("Still");
            assertThat(primary.requests()).extracting(request -> request.json().path("model").stringValue())
                    .as("the NPC's model first").startsWith("npc-model");
            assertThat(primary.requests()).as("Gaia's field is not sent on")
                    .noneMatch(request -> request.json().has("models"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls(jdbc, gameId))
                    .extracting(call -> call.get("model") + " " + call.get("outcome") + " " + call.get("role"))
                    .startsWith("npc-model provider_error chat").endsWith("secondary-model ok chat"));
        }

        @Test
        void neverFallsBackFromAModelNamedOnItsOwn() throws Exception {
            primary.failWith(503);

            HttpResponse<String> response = http.send(chat(port, gameId, CHAT.formatted("openai/primary-model", true)),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(secondary.requests()).isEmpty();
        }

        @Test
        void neverFallsBackFromARequestTheProviderRejected() throws Exception {
            primary.failWith(400);

            HttpResponse<String> response = http.send(chat(port, gameId, CHAT.formatted("chat", true)),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(secondary.requests()).isEmpty();
        }
    }

    @Nested
    class AfterTheFirstToken {

        private static final BreakingServer breaking = new BreakingServer();

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void providers(DynamicPropertyRegistry registry) {
            registry.add("gaia.model.openai.base-url", () -> "http://127.0.0.1:" + breaking.port() + "/v1");
            registry.add("gaia.model.openai.chat-model", () -> "breaking-model");
            registry.add("gaia.model.ollama.base-url", () -> secondary.baseUrl().toString());
            registry.add("gaia.model.roles.chat", () -> "ollama/secondary-model");
        }

        @AfterAll
        static void stopBreaking() throws IOException {
            breaking.close();
        }

        @Test
        void endsTheStreamWithAnErrorEventAndNeverFallsBack() throws Exception {
            secondary.reset();

            HttpResponse<String> response = http.send(chat(port, UUID.randomUUID(), CHAT.formatted("chat", true)),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Once").contains("\"code\":\"model_provider_error\"")
                    .doesNotContain("[DONE]");
            assertThat(secondary.requests()).isEmpty();
        }
    }

    /** Answers every request with one streamed token and then breaks the connection off. */
    static final class BreakingServer implements AutoCloseable {

        private final ServerSocket socket;

        BreakingServer() {
            try {
                socket = new ServerSocket(0);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            Thread.ofVirtual().start(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    BufferedReader request = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = request.readLine()) != null && !line.isEmpty()) {
                        // The request's headers; the body is never read.
                    }
                    String event = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                            + "\"model\":\"breaking-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Once\"},"
                            + "\"finish_reason\":null}]}\n\n";
                    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.write(bytes);
                    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(100);
                }
                catch (IOException | InterruptedException ex) {
                    // Closed: the test is over.
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpRequest chat(int port, UUID gameId, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestTokens.shared().player(gameId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static List<Map<String, Object>> calls(JdbcClient jdbc, UUID gameId) {
        return jdbc.sql("select * from model_call where game_id = :gameId order by started_at")
                .param("gameId", gameId).query().listOfRows();
    }
}
