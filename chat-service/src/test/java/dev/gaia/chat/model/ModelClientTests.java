package dev.gaia.chat.model;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import dev.gaia.chat.config.ChatProperties;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.test.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelClientTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.streaming(
            ChatCompletionRequest.CHAT_ROLE, List.of(ChatMessage.system("You are Elena."), ChatMessage.user("Hi")));

    private static final UUID NPC_ID = UUID.randomUUID();

    private final FakeOpenAiServer upstream = FakeOpenAiServer.start();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void streamsTheReplyTokenByTokenWithTheCallersToken() {
        upstream.reply("Hola", ",", " amigo");

        List<String> tokens = new ArrayList<>();
        try (CompletionStream stream = client(upstreamUrl()).stream(REQUEST, NPC_ID, "caller-token")) {
            for (String token = stream.nextToken(); token != null; token = stream.nextToken()) {
                tokens.add(token);
            }
            assertThat(stream.usage()).hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isEqualTo(3));
        }

        assertThat(tokens).containsExactly("Hola", ",", " amigo");
        FakeOpenAiServer.RecordedRequest sent = upstream.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer caller-token");
        assertThat(sent.header("X-Gaia-Npc-Id")).isEqualTo(NPC_ID.toString());
        JsonNode body = sent.json();
        assertThat(body.path("model").asString()).isEqualTo("chat");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("messages").get(1).path("content").asString()).isEqualTo("Hi");
        assertThat(body.has("temperature")).as("left to the model when the NPC names none").isFalse();
    }

    @Test
    void passesTheNpcsTemperatureOn() {
        upstream.reply("Hola");
        ChatCompletionRequest warm = ChatCompletionRequest.streaming("elena-13b", REQUEST.messages(), 1.2);

        try (CompletionStream stream = client(upstreamUrl()).stream(warm, NPC_ID, "caller-token")) {
            assertThat(stream.nextToken()).isEqualTo("Hola");
        }

        JsonNode body = upstream.lastRequest().json();
        assertThat(body.path("model").asString()).isEqualTo("elena-13b");
        assertThat(body.path("temperature").asDouble()).isEqualTo(1.2);
    }

    @Test
    void closingTheStreamEarlyCancelsTheReplyUpstream() throws InterruptedException {
        upstream.reply(Collections.nCopies(200, " word")).delayBetweenTokens(Duration.ofMillis(20));

        try (CompletionStream stream = client(upstreamUrl()).stream(REQUEST, NPC_ID, "caller-token")) {
            assertThat(stream.nextToken()).isEqualTo(" word");
        }

        assertThat(upstream.awaitClientDisconnects(1, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void relaysModelServicesProblemAsItIs() throws IOException {
        HttpServer modelService = serve(503, "application/problem+json", """
                {"type":"https://gaia.dev/problems/model_provider_not_configured","title":"Service Unavailable",
                 "status":503,"detail":"No model provider is configured: set GAIA_OPENAI_BASE_URL and restart.",
                 "code":"model_provider_not_configured"}
                """);
        try {
            URI url = URI.create("http://127.0.0.1:" + modelService.getAddress().getPort());

            assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> client(url).stream(REQUEST, NPC_ID, "t"))
                    .satisfies(problem -> {
                        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(problem.code()).isEqualTo("model_provider_not_configured");
                        assertThat(problem.getMessage())
                                .isEqualTo("No model provider is configured: set GAIA_OPENAI_BASE_URL and restart.");
                    });
        }
        finally {
            modelService.stop(0);
        }
    }

    @Test
    void aProvidersOwnRefusalIsABadGatewayWithItsMessage() {
        upstream.failWith(404);

        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> client(upstreamUrl()).stream(REQUEST, NPC_ID, "t"))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
                    assertThat(problem.code()).isEqualTo("model_error");
                    assertThat(problem.getMessage()).contains("404", "The model does not exist");
                });
    }

    @Test
    void aRefusedTokenIsUnauthorized() {
        upstream.failWith(401);

        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> client(upstreamUrl()).stream(REQUEST, NPC_ID, "expired-token"))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(problem.code()).isEqualTo("unauthorized");
                });
    }

    @Test
    void aProviderThatIsOverloadedStaysUnavailable() {
        upstream.failWith(503);

        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> client(upstreamUrl()).stream(REQUEST, NPC_ID, "t"))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void anUnreachableModelServiceIsUnavailable() throws IOException {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> client(nobodyListens).stream(REQUEST, NPC_ID, "t"))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("model_service_unavailable");
                });
    }

    private URI upstreamUrl() {
        return URI.create("http://127.0.0.1:" + upstream.port());
    }

    private static ModelClient client(URI modelUrl) {
        ChatProperties properties = new ChatProperties(URI.create("http://127.0.0.1:1"), modelUrl,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10), 20, Duration.ofHours(1),
                Duration.ofSeconds(15));
        RestClient.Builder builder = RestClient.builder()
                .configureMessageConverters(converters -> converters
                        .withJsonConverter(new JacksonJsonHttpMessageConverter(JSON)));
        return new ModelClient(builder, properties, JSON);
    }

    private static HttpServer serve(int status, String contentType, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        return server;
    }
}
