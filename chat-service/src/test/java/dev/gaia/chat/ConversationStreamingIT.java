package dev.gaia.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.gaia.shared.security.Roles;
import dev.gaia.shared.test.FakeOpenAiServer;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations against real PostgreSQL, Redis and NATS, with a fake OpenAI-compatible server in
 * model-service's place (it speaks the same {@code /v1/chat/completions}) and a stub npc-service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class ConversationStreamingIT {

    private static final String ELENA = """
            {"name": "Elena Rodriguez",
             "background": {"age": 34, "occupation": "Marine Biologist", "location": "Coastal Research Station",
                            "history": "Grew up in a fishing village on the Galician coast."},
             "personality": {"traits": ["curious", "passionate"], "motivations": ["protect the oceans"],
                             "fears": ["ocean pollution"],
                             "big_five": {"openness": 0.9, "conscientiousness": 0.8, "extraversion": 0.6,
                                          "agreeableness": 0.7, "neuroticism": 0.3}},
             "current_status": {"mood": "excited", "health": 100, "energy": 85},
             "relationships": {"Marcus Chen": "research partner and old friend from university"},
             "knowledge": ["Humpback whales pass the station every spring"],
             "memories": ["Saw her first whale shark at twelve"]}
            """;
    private static final List<String> REPLY = List.of("Hola", ",", " traveler", "!", " The", " tide", " turns", ".");

    private static final FakeOpenAiServer MODEL = FakeOpenAiServer.start();
    private static final NpcServiceStub NPCS = NpcServiceStub.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gaia.chat.model-url", () -> "http://127.0.0.1:" + MODEL.port());
        registry.add("gaia.chat.npc-url", NPCS::url);
    }

    @AfterAll
    static void stopServices() {
        MODEL.close();
        NPCS.close();
    }

    @LocalServerPort
    private int port;

    @Autowired
    private TestTokens tokens;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private UUID game;
    private UUID playerId;
    private String player;
    private UUID npc;

    @BeforeEach
    void newGame() {
        MODEL.reset().reply(REPLY);
        NPCS.down(false);
        game = UUID.randomUUID();
        playerId = UUID.randomUUID();
        player = tokens.token(playerId, game, "player", Set.of(Roles.PLAYER));
        npc = NPCS.add(game, ELENA);
    }

    @Test
    void streamsTheReplyAsNewlineDelimitedJsonAndRecordsTheTurn() throws Exception {
        HttpResponse<String> started = post("/api/conversations/start", player, Map.of("npc_id", npc));
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode conversation = json.readTree(started.body());
        assertThat(conversation.path("npc_id").asString()).isEqualTo(npc.toString());
        assertThat(conversation.path("user_id").asString()).isEqualTo(playerId.toString());
        String session = conversation.path("session_id").asString();

        HttpResponse<String> reply = message(session, player, "Hello Elena, what are you studying?",
                "application/x-ndjson");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<JsonNode> lines = reply.body().lines().map(json::readTree).toList();
        assertThat(lines.subList(0, REPLY.size())).extracting(line -> line.path("token").asString())
                .containsExactlyElementsOf(REPLY);
        JsonNode done = lines.getLast();
        assertThat(lines).hasSize(REPLY.size() + 1);
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(done.path("content").asString()).isEqualTo(String.join("", REPLY));

        JsonNode sent = MODEL.lastRequest().json();
        assertThat(MODEL.lastRequest().authorization()).isEqualTo("Bearer " + player);
        assertThat(sent.path("model").asString()).isEqualTo("chat");
        assertThat(sent.has("models")).as("the chat role is its own fallback chain").isFalse();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(sent.path("messages").get(0).path("content").asString())
                .contains("Elena Rodriguez", "Marine Biologist", "curious", "openness 0.9", "excited",
                        "Marcus Chen", "Humpback whales");
        assertThat(sent.path("messages").get(1).path("content").asString())
                .isEqualTo("Hello Elena, what are you studying?");

        assertThat(transcript(session)).containsExactly(
                "user:Hello Elena, what are you studying?", "assistant:" + String.join("", REPLY));
        assertThat(jdbc.sql("select distinct turn_id from chat.message where conversation_id = ?")
                .param(UUID.fromString(session)).query(UUID.class).list())
                .containsExactly(UUID.fromString(done.path("turn_id").asString()));
        assertThat(cachedHistory(session)).containsExactly(
                "user:Hello Elena, what are you studying?", "assistant:" + String.join("", REPLY));
        assertThat(events(session)).containsExactly("started", "turn");
        JsonNode turnEvent = json.readTree(jdbc.sql("""
                select payload::text from chat.outbox where type = 'dev.gaia.conversation.turn.v1'
                and payload -> 'data' ->> 'session_id' = ?""").param(session).query(String.class).single());
        assertThat(turnEvent.path("data").path("reply").asString()).isEqualTo(String.join("", REPLY));
        assertThat(turnEvent.path("data").path("completion_tokens").asInt()).isEqualTo(REPLY.size());
    }

    @Test
    void theSecondTurnCarriesTheFirstAsHistoryAndStreamsAsServerSentEvents() throws Exception {
        String session = start(player);
        message(session, player, "Hello Elena, what are you studying?", "application/x-ndjson");

        HttpResponse<String> reply = message(session, player, "Tell me more.", "text/event-stream");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<JsonNode> events = reply.body().lines().filter(line -> line.startsWith("data:"))
                .map(line -> json.readTree(line.substring("data:".length()))).toList();
        assertThat(events.subList(0, REPLY.size())).extracting(event -> event.path("token").asString())
                .containsExactlyElementsOf(REPLY);
        assertThat(events.getLast().path("done").asBoolean()).isTrue();
        assertThat(MODEL.lastRequest().json().path("messages")).extracting(this::roleAndContent).containsExactly(
                "system:", "user:Hello Elena, what are you studying?", "assistant:" + String.join("", REPLY),
                "user:Tell me more.");
        assertThat(transcript(session)).hasSize(4);
    }

    @Test
    void historyComesFromPostgresqlWhenRedisHasNone() throws Exception {
        String session = start(player);
        message(session, player, "Hello Elena.", "application/x-ndjson");
        redis.delete(historyKey(session));

        message(session, player, "Do you remember me?", "application/x-ndjson");

        assertThat(MODEL.lastRequest().json().path("messages")).extracting(this::roleAndContent).containsExactly(
                "system:", "user:Hello Elena.", "assistant:" + String.join("", REPLY), "user:Do you remember me?");
        assertThat(cachedHistory(session)).as("rebuilt from the transcript, then the new turn added").containsExactly(
                "user:Hello Elena.", "assistant:" + String.join("", REPLY),
                "user:Do you remember me?", "assistant:" + String.join("", REPLY));
    }

    @Test
    void anNpcsOwnChatModelAndTemperatureAreTheOnesAskedFor() throws Exception {
        UUID ownModelNpc = NPCS.add(game, ELENA.replace("{\"name\"",
                "{\"model_settings\": {\"chat_model\": \"elena-13b\", \"temperature\": 0.3}, \"name\""));
        HttpResponse<String> started = post("/api/conversations/start", player, Map.of("npc_id", ownModelNpc));
        String session = json.readTree(started.body()).path("session_id").asString();

        message(session, player, "Hi", "application/x-ndjson");

        assertThat(MODEL.lastRequest().json().path("model").asString()).isEqualTo("elena-13b");
        assertThat(MODEL.lastRequest().json().path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(MODEL.lastRequest().json().path("models").valueStream().map(JsonNode::asString))
                .as("the game's chat models answer when the NPC's own fails").containsExactly("chat");
    }

    @Test
    void aModelRefusalIsAProblemBeforeAnythingIsStreamed() throws Exception {
        String session = start(player);
        MODEL.failWith(503);

        for (String accept : List.of("application/x-ndjson", "text/event-stream")) {
            HttpResponse<String> reply = message(session, player, "Hello?", accept);

            assertThat(reply.statusCode()).isEqualTo(503);
            assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(reply.body());
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("detail").asString()).contains("overloaded");
        }
        assertThat(transcript(session)).isEmpty();
        assertThat(events(session)).containsExactly("started");
    }

    @Test
    void aClientThatGoesAwayCancelsTheModelsReplyAndNothingIsRecorded() throws Exception {
        String session = start(player);
        MODEL.reply(Collections.nCopies(200, " la")).delayBetweenTokens(Duration.ofMillis(50));

        HttpResponse<InputStream> reply = http.send(messageRequest(session, player, "Sing!", "application/x-ndjson"),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(reply.body(), StandardCharsets.UTF_8))) {
            assertThat(json.readTree(lines.readLine()).path("token").asString()).isEqualTo(" la");
        }

        assertThat(MODEL.awaitClientDisconnects(1, Duration.ofSeconds(20))).isTrue();
        assertThat(transcript(session)).isEmpty();
        assertThat(cachedHistory(session)).isEmpty();
    }

    @Test
    void onlyItsPlayerAndTheGamesDesignersSeeAConversation() throws Exception {
        String session = start(player);
        String otherPlayer = tokens.player(game);
        String otherGamesPlayer = tokens.player(UUID.randomUUID());
        String otherGamesDesigner = tokens.designer(UUID.randomUUID());

        for (String stranger : List.of(otherPlayer, otherGamesPlayer, otherGamesDesigner)) {
            assertThat(get("/api/conversations/" + session, stranger).statusCode()).isEqualTo(404);
            HttpResponse<String> message = message(session, stranger, "Hi", "application/x-ndjson");
            assertThat(message.statusCode()).isEqualTo(404);
            assertThat(json.readTree(message.body()).path("code").asString()).isEqualTo("conversation_not_found");
            assertThat(post("/api/conversations/" + session + "/end", stranger, Map.of()).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> seenByDesigner = get("/api/conversations/" + session, tokens.designer(game));
        assertThat(seenByDesigner.statusCode()).isEqualTo(200);
        assertThat(json.readTree(seenByDesigner.body()).path("user_id").asString()).isEqualTo(playerId.toString());
        assertThat(MODEL.requests()).isEmpty();
    }

    @Test
    void aPlayerStartsConversationsOnlyForThemselfWhileADesignerMayNameAnyPlayer() throws Exception {
        UUID someoneElse = UUID.randomUUID();

        HttpResponse<String> byPlayer = post("/api/conversations/start", player,
                Map.of("npc_id", npc, "user_id", someoneElse));
        HttpResponse<String> byDesigner = post("/api/conversations/start", tokens.designer(game),
                Map.of("npc_id", npc, "user_id", someoneElse));

        assertThat(byPlayer.statusCode()).isEqualTo(403);
        assertThat(byPlayer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(byDesigner.statusCode()).isEqualTo(201);
        assertThat(json.readTree(byDesigner.body()).path("user_id").asString()).isEqualTo(someoneElse.toString());
    }

    @Test
    void anEndedConversationTakesNoMoreMessages() throws Exception {
        String session = start(player);
        message(session, player, "Goodbye, Elena.", "application/x-ndjson");

        HttpResponse<String> ended = post("/api/conversations/" + session + "/end", player, Map.of());

        assertThat(ended.statusCode()).isEqualTo(200);
        JsonNode end = json.readTree(ended.body());
        assertThat(end.path("session_id").asString()).isEqualTo(session);
        assertThat(end.path("turn_count").asInt()).isEqualTo(1);
        assertThat(end.path("ended_at").isString()).isTrue();
        HttpResponse<String> afterwards = message(session, player, "Wait!", "application/x-ndjson");
        assertThat(afterwards.statusCode()).isEqualTo(409);
        assertThat(json.readTree(afterwards.body()).path("code").asString()).isEqualTo("conversation_ended");
        assertThat(post("/api/conversations/" + session + "/end", player, Map.of()).statusCode()).isEqualTo(409);
        JsonNode read = json.readTree(get("/api/conversations/" + session, player).body());
        assertThat(read.path("status").asString()).isEqualTo("ended");
        assertThat(read.path("messages")).extracting(this::roleAndContent).containsExactly(
                "user:Goodbye, Elena.", "assistant:" + String.join("", REPLY));
        assertThat(events(session)).containsExactly("started", "turn", "ended");
    }

    @Test
    void anNpcOfAnotherGameOrNoneIsNotFound() throws Exception {
        UUID elsewhere = NPCS.add(UUID.randomUUID(), ELENA);

        for (UUID unknown : List.of(elsewhere, UUID.randomUUID())) {
            HttpResponse<String> started = post("/api/conversations/start", player, Map.of("npc_id", unknown));
            assertThat(started.statusCode()).isEqualTo(404);
            assertThat(json.readTree(started.body()).path("code").asString()).isEqualTo("npc_not_found");
        }
    }

    @Test
    void anNpcServiceThatIsDownMakesTheConversationUnavailable() throws Exception {
        NPCS.down(true);

        HttpResponse<String> started = post("/api/conversations/start", player, Map.of("npc_id", npc));

        assertThat(started.statusCode()).isEqualTo(503);
        assertThat(json.readTree(started.body()).path("code").asString()).isEqualTo("npc_service_unavailable");
    }

    private String start(String token) throws Exception {
        HttpResponse<String> started = post("/api/conversations/start", token, Map.of("npc_id", npc));
        assertThat(started.statusCode()).isEqualTo(201);
        return json.readTree(started.body()).path("session_id").asString();
    }

    private HttpResponse<String> message(String session, String token, String content, String accept)
            throws Exception {
        return http.send(messageRequest(session, token, content, accept), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest messageRequest(String session, String token, String content, String accept) {
        return request("/api/conversations/" + session + "/message", token)
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("content", content))))
                .build();
    }

    private HttpResponse<String> post(String path, String token, Map<String, Object> body) throws Exception {
        return http.send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
    }

    private List<String> transcript(String session) {
        return jdbc.sql("select role, content from chat.message where conversation_id = ? order by seq")
                .param(UUID.fromString(session))
                .query((row, index) -> row.getString("role") + ":" + row.getString("content"))
                .list();
    }

    private List<String> cachedHistory(String session) {
        return redis.opsForList().range(historyKey(session), 0, -1).stream()
                .map(json::readTree).map(this::roleAndContent).toList();
    }

    private String historyKey(String session) {
        return "gaia:" + game + ":conversation:" + session + ":history";
    }

    /** The events of a conversation in the outbox, by their name ({@code started}, {@code turn}, ...), in order. */
    private List<String> events(String session) {
        return jdbc.sql("""
                select type from chat.outbox where game_id = ? and payload -> 'data' ->> 'session_id' = ?
                order by created_at""")
                .param(game).param(session)
                .query(String.class).list().stream()
                .map(type -> type.replace("dev.gaia.conversation.", "").replace(".v1", ""))
                .toList();
    }

    /** A message as {@code role:content}; a system message without its (long) content. */
    private String roleAndContent(JsonNode message) {
        String role = message.path("role").asString();
        return role.equals("system") ? "system:" : role + ":" + message.path("content").asString();
    }
}
