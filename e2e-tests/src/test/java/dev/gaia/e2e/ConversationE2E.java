package dev.gaia.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.gaia.shared.test.FakeOpenAiServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One conversation through every hop: the platform started by {@code ./gaia up}, a fake
 * OpenAI-compatible provider behind model-service, and a client that only knows the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationE2E {

    private static final List<String> REPLY_TOKENS = List.of("Hola", ",", " traveler", "!", " The", " tide",
            " is", " turning", ".");
    private static final String PASSWORD = "correct-horse-battery";

    private FakeOpenAiServer provider;
    private GaiaPlatform platform;
    private GatewayClient client;
    private World home;
    private World elsewhere;
    private String npcId;

    @BeforeAll
    void startPlatform() throws Exception {
        provider = FakeOpenAiServer.start();
        provider.reply(REPLY_TOKENS);
        platform = GaiaPlatform.start(provider.baseUrl());
        client = new GatewayClient(platform.gateway());
        home = World.create(client, "home");
        elsewhere = World.create(client, "elsewhere");
        String elena = Files.readString(rootPath().resolve("seeds/npcs/elena-rodriguez.json"));
        npcId = client.post("/api/npcs", home.designerToken(), elena, "application/json")
                .expectStatus(201).body().get("npc_id").asString();
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void playerTalksToAnNpcThroughTheGateway() throws Exception {
        String sessionId = client.post("/api/conversations/start", home.playerToken(), Map.of("npc_id", npcId))
                .expectStatus(201).body().get("session_id").asString();

        List<JsonNode> lines = client.stream("/api/conversations/" + sessionId + "/message", home.playerToken(),
                Map.of("content", "Hello Elena, what are you studying?"), "application/x-ndjson")
                .filter(line -> !line.isBlank())
                .map(client::parse)
                .toList();

        List<String> tokens = lines.stream().filter(line -> line.has("token"))
                .map(line -> line.get("token").asString()).toList();
        assertThat(tokens).containsExactlyElementsOf(REPLY_TOKENS);
        JsonNode done = lines.getLast();
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("content").asString()).isEqualTo(String.join("", REPLY_TOKENS));
        assertThat(provider.lastRequest().body()).contains("Elena Rodriguez").contains("Marine Biologist")
                .contains("Hello Elena, what are you studying?");

        List<String> sseTokens = client.stream("/api/conversations/" + sessionId + "/message", home.playerToken(),
                Map.of("content", "Tell me more."), "text/event-stream")
                .filter(line -> line.startsWith("data:"))
                .map(line -> client.parse(line.substring("data:".length()).trim()))
                .filter(event -> event.has("token"))
                .map(event -> event.get("token").asString())
                .toList();
        assertThat(sseTokens).containsExactlyElementsOf(REPLY_TOKENS);
        assertThat(provider.lastRequest().body()).as("the second turn carries the first as history")
                .contains("Hello Elena, what are you studying?").contains("Tell me more.");

        client.post("/api/conversations/" + sessionId + "/end", home.playerToken(), Map.of()).expectStatus(200);

        JsonNode conversation = client.get("/api/conversations/" + sessionId, home.playerToken())
                .expectStatus(200).body();
        assertThat(conversation.get("messages")).hasSize(4);
        assertThat(storedMessages(sessionId)).containsExactly(
                "user:Hello Elena, what are you studying?", "assistant:" + String.join("", REPLY_TOKENS),
                "user:Tell me more.", "assistant:" + String.join("", REPLY_TOKENS));

        for (String event : List.of("started", "turn", "ended")) {
            JsonNode published = awaitEvent("gaia." + home.gameId() + ".conversation." + event + ".v1");
            assertThat(published.get("type").asString()).isEqualTo("dev.gaia.conversation." + event + ".v1");
            assertThat(published.get("data").get("session_id").asString()).isEqualTo(sessionId);
        }
    }

    @Test
    void upPrintsTheGatewayTheDemoCredentialsAndAStreamingCurl() throws Exception {
        assertThat(platform.upOutput()).contains(platform.gateway().getPort() + "").contains("curl -N")
                .contains("player");
    }

    @Test
    void modelsStatusShowsWhatModelServiceHasInMemory() throws Exception {
        String status = platform.run("models", "status");

        assertThat(status).containsAnyOf("memory:", "memory_budget_bytes");
    }

    @Test
    void refusesRequestsWithoutAToken() throws Exception {
        var reply = client.get("/api/npcs/" + npcId, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("code").asString()).isEqualTo("unauthorized");
    }

    @Test
    void answersMalformedJsonWithABadRequestProblem() throws Exception {
        var reply = client.post("/api/npcs", home.designerToken(), "{\"name\": ", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("code").asString()).isEqualTo("malformed_request");
    }

    @Test
    void answersAnUnknownNpcWithNotFound() throws Exception {
        var read = client.get("/api/npcs/" + UUID.randomUUID(), home.playerToken());
        var start = client.post("/api/conversations/start", home.playerToken(),
                Map.of("npc_id", UUID.randomUUID().toString()));

        for (var reply : List.of(read, start)) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().get("code").asString()).isEqualTo("npc_not_found");
        }
    }

    @Test
    void hidesAnotherGamesNpc() throws Exception {
        var read = client.get("/api/npcs/" + npcId, elsewhere.designerToken());
        var start = client.post("/api/conversations/start", elsewhere.playerToken(), Map.of("npc_id", npcId));

        assertThat(read.status()).isEqualTo(404);
        assertThat(start.status()).isEqualTo(404);
    }

    @Test
    void designerEditsFindsAndTradesAnNpcAsACardThroughTheGateway() throws Exception {
        String designer = home.designerToken();
        String npc = client.post("/api/npcs", designer, Files.readString(rootPath().resolve(
                "seeds/npcs/elena-rodriguez.json")), "application/json").expectStatus(201).body().get("npc_id").asString();
        String version = client.get("/api/npcs/" + npc, designer).expectStatus(200).header("ETag");
        byte[] worried = "{\"current_status\":{\"mood\":\"worried\"}}".getBytes(StandardCharsets.UTF_8);

        var patched = client.exchange("PATCH", "/api/npcs/" + npc, designer, "application/merge-patch+json", worried,
                Map.of("If-Match", version));
        var stale = client.exchange("PATCH", "/api/npcs/" + npc, designer, "application/merge-patch+json", worried,
                Map.of("If-Match", version));

        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        assertThat(patched.header("ETag")).isNotEqualTo(version);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("code").asString()).isEqualTo("npc_version_conflict");
        assertThat(client.get("/api/npcs/" + npc + "/versions/1/diff/2", designer).expectStatus(200).body()
                .toString()).contains("/current_status/mood", "worried");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.get(
                "/api/npcs/search?q=marine%20biologist%20studying%20coral%20reefs", home.playerToken())
                .expectStatus(200).body().get("items").toString()).contains(npc));
        assertThat(client.get("/api/npcs/search?q=marine%20biologist", elsewhere.playerToken()).expectStatus(200)
                .body().get("items").toString()).doesNotContain(npc);

        var card = client.exchange("GET", "/api/npcs/" + npc + "/card?format=png", designer, "", new byte[0], Map.of())
                .expectStatus(200);
        assertThat(card.contentType()).startsWith("image/png");
        var imported = client.exchange("POST", "/api/npcs/import", elsewhere.designerToken(), "image/png", card.raw(),
                Map.of()).expectStatus(201);
        assertThat(client.get("/api/npcs/" + imported.body().get("npc_id").asString(), elsewhere.designerToken())
                .expectStatus(200).body().get("name").asString()).isEqualTo("Elena Rodriguez");
    }

    private List<String> storedMessages(String sessionId) throws Exception {
        List<String> messages = new ArrayList<>();
        try (var connection = DriverManager.getConnection(platform.jdbcUrl(), "gaia", "gaia");
                PreparedStatement query = connection.prepareStatement(
                        "select role, content from chat.message where conversation_id = ? order by seq")) {
            query.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(rows.getString("role") + ":" + rows.getString("content"));
                }
            }
        }
        return messages;
    }

    private JsonNode awaitEvent(String subject) throws Exception {
        try (Connection nats = Nats.connect(platform.natsUrl())) {
            MessageInfo message = await().atMost(Duration.ofSeconds(15)).ignoreException(JetStreamApiException.class)
                    .until(() -> nats.jetStreamManagement().getLastMessage("GAIA", subject), Objects::nonNull);
            return client.parse(new String(message.getData(), StandardCharsets.UTF_8));
        }
    }

    private static Path rootPath() {
        return Path.of(System.getProperty("gaia.root", "..")).toAbsolutePath().normalize();
    }

    /** A game of its own with a designer and a player, logged in. */
    private record World(String gameId, String designerToken, String playerToken) {

        static World create(GatewayClient client, String name) throws Exception {
            String slug = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            String gameId = client.post("/api/auth/games", null, Map.of("name", name, "slug", slug,
                    "admin_username", "designer", "admin_password", PASSWORD))
                    .expectStatus(201).body().get("game_id").asString();
            client.post("/api/auth/register", null, Map.of("game", slug, "username", "player", "password", PASSWORD))
                    .expectStatus(201);
            return new World(gameId, client.login(slug, "designer", PASSWORD), client.login(slug, "player", PASSWORD));
        }
    }
}
