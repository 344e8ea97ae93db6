package dev.gaia.model.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gaia.model.routing.ModelRouter;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static dev.gaia.model.HttpAnswers.dataOf;
import static dev.gaia.model.HttpAnswers.problemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Local GGUF models through model-service's API: OpenAI-compatible answers streamed from a real
 * tiny model, every call accounted, and the admin operations, with a memory budget that holds
 * only one of the two models so that switching between them swaps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class LocalModelsIT {

    private static final Path models = createModels();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.shared();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelRouter router;

    private final UUID gameId = UUID.randomUUID();

    @DynamicPropertySource
    static void localModels(DynamicPropertyRegistry registry) throws IOException {
        long modelSize = Files.size(models.resolve("elena.gguf"));
        registry.add("gaia.model.local.models-dir", models::toString);
        registry.add("gaia.model.local.memory-budget", () -> (modelSize * 3 / 2) + "B");
        registry.add("gaia.model.local.context-memory", () -> "0B");
        registry.add("gaia.model.local.context-size", () -> "256");
        registry.add("gaia.model.local.threads", () -> "1");
        registry.add("gaia.model.roles.chat", () -> "local/elena.gguf");
    }

    /** A switch outlasts the test that made it otherwise: every context started later would restore it. */
    @AfterEach
    void forgetSwitches() {
        jdbc.sql("delete from model_role_switch").update();
        router.resetRole(gameId, "summary");
    }

    @AfterAll
    static void removeModels() {
        FileSystemUtils.deleteRecursively(models.toFile());
    }

    @Test
    void streamsALocalModelsAnswerAsOpenAiChunksEndingInDone() throws Exception {
        HttpResponse<InputStream> response = http.send(chat("""
                {"model":"local/elena.gguf","stream":true,"max_tokens":8,"stream_options":{"include_usage":true},
                 "messages":[{"role":"system","content":"You are Elena."},{"role":"user","content":"Hello there"}]}"""),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = dataOf(response.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(json::readTree).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("model").asString()).isEqualTo("local/elena.gguf");
        });
        assertThat(chunks.getFirst().at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        List<JsonNode> tokens = chunks.stream().filter(chunk -> chunk.at("/choices/0/delta").has("content")).toList();
        assertThat(tokens).hasSize(8);
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asString()).isEqualTo("length");
        assertThat(chunks.getLast().path("usage").path("completion_tokens").asInt()).isEqualTo(8);
        assertThat(chunks.getLast().path("usage").path("prompt_tokens").asInt()).isPositive();
        // Usage is recorded off the request thread once the call has ended.
        await().untilAsserted(() -> assertThat(calls()).last().satisfies(call -> assertThat(call)
                .containsEntry("provider", "local").containsEntry("model", "elena.gguf")
                .containsEntry("outcome", "ok").containsEntry("tokens_out", 8)));
    }

    @Test
    void answersWholeWhenNotStreamingAndServesTheChatRole() throws Exception {
        HttpResponse<String> response = http.send(chat("""
                {"model":"chat","max_tokens":5,"messages":[{"role":"user","content":"Any ale?"}]}"""),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode completion = json.readTree(response.body());
        assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asString()).isEqualTo("local/elena.gguf");
        assertThat(completion.at("/choices/0/message/content").asString()).isNotEmpty();
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void swapsModelsWithinTheBudgetWhenARoleIsSwitchedAndReportsIt() throws Exception {
        JsonNode switched = admin("POST", "/api/models/local/switch",
                "{\"role\":\"summary\",\"model\":\"local/bram.gguf\"}", 200);

        assertThat(switched.path("roles").path("summary").asString()).isEqualTo("local/bram.gguf");
        assertThat(model(switched, "bram.gguf").path("state").asString()).isEqualTo("loaded");
        assertThat(model(switched, "bram.gguf").path("roles").toString()).contains("summary");
        assertThat(model(switched, "elena.gguf").path("state").asString()).isEqualTo("available");
        assertThat(switched.path("memory_used_bytes").asLong()).isLessThanOrEqualTo(
                switched.path("memory_budget_bytes").asLong());
        assertThat(jdbc.sql("select payload->'data'->>'role' as role, payload->'data'->>'model' as model"
                + " from outbox where subject = :subject")
                .param("subject", "gaia." + gameId + ".model.switched.v1").query().listOfRows())
                .containsExactly(Map.of("role", "summary", "model", "local/bram.gguf"));
        assertThat(jdbc.sql("select role, model from model_role_switch where game_id = :gameId")
                .param("gameId", gameId).query().listOfRows())
                .as("kept, to be restored when model-service starts again")
                .containsExactly(Map.of("role", "summary", "model", "local/bram.gguf"));

        HttpResponse<String> summary = http.send(chat("""
                {"model":"summary","max_tokens":3,"messages":[{"role":"user","content":"Summarise."}]}"""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(summary.body()).path("model").asString()).isEqualTo("local/bram.gguf");
        HttpResponse<String> chat = http.send(chat("""
                {"model":"chat","max_tokens":3,"messages":[{"role":"user","content":"Hello"}]}"""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(chat.body()).path("model").asString()).isEqualTo("local/elena.gguf");
        HttpResponse<String> otherGamesSummary = http.send(chat("""
                {"model":"summary","max_tokens":3,"messages":[{"role":"user","content":"Summarise."}]}""",
                UUID.randomUUID()), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(otherGamesSummary.body()).path("model").asString())
                .as("another game's summaries").isEqualTo("local/elena.gguf");

        JsonNode status = admin("GET", "/api/models/local", null, 200);
        assertThat(model(status, "elena.gguf").path("state").asString()).isEqualTo("loaded");
        assertThat(model(status, "elena.gguf").path("tokens_per_second").asDouble()).isPositive();
        assertThat(model(status, "bram.gguf").path("state").asString()).isEqualTo("available");
    }

    @Test
    void handsAResetRoleBackToItsConfiguredModels() throws Exception {
        admin("POST", "/api/models/local/switch", "{\"role\":\"summary\",\"model\":\"bram\"}", 200);

        JsonNode reset = admin("DELETE", "/api/models/local/switch/summary", null, 200);

        assertThat(reset.path("roles").has("summary")).isFalse();
        assertThat(jdbc.sql("select count(*) from model_role_switch where game_id = :gameId").param("gameId", gameId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select payload->'data'->>'model' as model, payload->'data'->>'previous' as previous"
                + " from outbox where subject = :subject order by created_at")
                .param("subject", "gaia." + gameId + ".model.switched.v1").query().listOfRows())
                .last().isEqualTo(Map.of("model", "local/elena.gguf", "previous", "local/bram.gguf"));
        HttpResponse<String> summary = http.send(chat("""
                {"model":"summary","max_tokens":3,"messages":[{"role":"user","content":"Summarise."}]}"""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(summary.body()).path("model").asString()).isEqualTo("local/elena.gguf");
        assertThat(problemOf(send("DELETE", "/api/models/local/switch/embedding", null,
                TestTokens.shared().admin(gameId)), 400).path("code").asString()).isEqualTo("model_role_unknown");
        problemOf(send("DELETE", "/api/models/local/switch/summary", null, TestTokens.shared().designer(gameId)), 403);
    }

    @Test
    void followsASwitchAndAResetThatAnotherInstanceMade() {
        jdbc.sql("insert into model_role_switch (game_id, role, model, switched_by, switched_at)"
                + " values (:game, 'summary', 'local/bram.gguf', :admin, now())")
                .param("game", gameId).param("admin", UUID.randomUUID()).update();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(router.firstModelOf(gameId, "summary"))
                .hasValue("local/bram.gguf"));

        jdbc.sql("delete from model_role_switch where game_id = :game").param("game", gameId).update();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(router.switchedRoles(gameId)).isEmpty());
    }

    @Test
    void loadsUnloadsAndReloadsOnAnAdminsWord() throws Exception {
        assertThat(model(admin("POST", "/api/models/local/bram.gguf/load", null, 200), "bram.gguf")
                .path("state").asString()).isEqualTo("loaded");
        JsonNode reloaded = admin("POST", "/api/models/local/bram/reload", null, 200);
        assertThat(model(reloaded, "bram.gguf").path("state").asString()).isEqualTo("loaded");
        assertThat(model(admin("POST", "/api/models/local/bram.gguf/unload", null, 200), "bram.gguf")
                .path("state").asString()).isEqualTo("available");
    }

    @Test
    void refusesUnknownFilesPathsAndNonAdmins() throws Exception {
        assertThat(problemOf(send("POST", "/api/models/local/nobody.gguf/load", null, TestTokens.shared().admin(gameId)),
                404).path("code").asString()).isEqualTo("local_model_not_found");
        assertThat(problemOf(send("POST", "/api/models/local/.env/load", null, TestTokens.shared().admin(gameId)),
                400).path("code").asString()).isEqualTo("local_model_name_invalid");
        assertThat(problemOf(send("POST", "/api/models/local/switch", "{\"role\":\"embedding\",\"model\":\"bram.gguf\"}",
                TestTokens.shared().admin(gameId)), 400).path("errors").toString()).contains("role");
        problemOf(send("GET", "/api/models/local", null, TestTokens.shared().designer(gameId)), 403);
        HttpResponse<String> missing = http.send(chat("""
                {"model":"local/missing.gguf","messages":[{"role":"user","content":"Hello"}]}"""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(problemOf(missing, 404).path("detail").asString()).contains("elena.gguf", "bram.gguf");
    }

    private JsonNode admin(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> response = send(method, path, body, TestTokens.shared().admin(gameId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest chat(String body) {
        return chat(body, gameId);
    }

    private HttpRequest chat(String body, UUID game) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestTokens.shared().player(game))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private List<Map<String, Object>> calls() {
        return jdbc.sql("select * from model_call where game_id = :gameId order by started_at")
                .param("gameId", gameId).query().listOfRows();
    }

    private static JsonNode model(JsonNode status, String name) {
        for (JsonNode model : status.path("models")) {
            if (model.path("name").asString().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("No model " + name + " in " + status);
    }

    private static Path createModels() {
        try {
            Path folder = Files.createTempDirectory("gaia-models");
            TinyGguf.write(folder.resolve("elena.gguf"), 1);
            TinyGguf.write(folder.resolve("bram.gguf"), 2);
            return folder;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
