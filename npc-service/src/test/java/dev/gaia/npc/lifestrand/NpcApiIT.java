package dev.gaia.npc.lifestrand;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.gaia.npc.NpcApiClient;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
@RecordApplicationEvents
class NpcApiIT {

    private static final Path SEED = Path.of("../seeds/npcs/elena-rodriguez.json");

    private final JsonMapper json = JsonMapper.shared();
    private final UUID gameId = UUID.randomUUID();
    private final NpcApiClient api = new NpcApiClient(() -> this.port);

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NpcService npcService;

    @Autowired
    ApplicationEvents events;

    @Test
    void readsBackTheSeedNpcFieldForField() throws Exception {
        JsonNode seed = json.readTree(Files.readString(SEED));

        HttpResponse<String> created = api.post("/api/npcs", Files.readString(SEED), tokens.designer(gameId));

        assertThat(created.statusCode()).isEqualTo(201);
        String npcId = json.readTree(created.body()).path("npc_id").stringValue();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/npcs/" + npcId);

        HttpResponse<String> read = api.get("/api/npcs/" + npcId, tokens.player(gameId));

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode npc = json.readTree(read.body());
        for (Map.Entry<String, JsonNode> field : seed.properties()) {
            assertThat(npc.path(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
        }
        assertThat(npc.path("npc_id").stringValue()).isEqualTo(npcId);
        assertThat(npc.path("game_id").stringValue()).isEqualTo(gameId.toString());
        assertThat(npc.path("created_at").stringValue()).isNotBlank().isEqualTo(npc.path("updated_at").stringValue());
    }

    @Test
    void hidesAnNpcFromEveryoneOfAnotherGame() throws Exception {
        String npcId = create("Hidden Hana", gameId);
        UUID otherGame = UUID.randomUUID();

        for (String stranger : List.of(tokens.designer(otherGame), tokens.player(otherGame), tokens.admin(otherGame))) {
            HttpResponse<String> read = api.get("/api/npcs/" + npcId, stranger);

            assertThat(read.statusCode()).isEqualTo(404);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("npc_not_found");
        }
        assertThat(itemNames(list(tokens.player(otherGame), 100, null))).doesNotContain("Hidden Hana");
    }

    @Test
    void answersAnUnknownIdWithNotFound() throws Exception {
        HttpResponse<String> read = api.get("/api/npcs/" + UUID.randomUUID(), tokens.player(gameId));

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("npc_not_found");
    }

    @Test
    void pagesThroughAGamesNpcsInCreationOrder() throws Exception {
        List<String> names = List.of("Ana", "Ben", "Cleo", "Dov", "Eli");
        for (String name : names) {
            create(name, gameId);
        }
        create("Someone Else", UUID.randomUUID());
        String player = tokens.player(gameId);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = list(player, 2, cursor);
            pageSizes.add(page.path("items").size());
            seen.addAll(itemNames(page));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").stringValue();
        }
        while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(names);
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    void refusesACursorItDidNotHandOut() throws Exception {
        HttpResponse<String> page = api.get("/api/npcs?cursor=bm90LWEtY3Vyc29y", tokens.player(gameId));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(json.readTree(page.body()).path("code").stringValue()).isEqualTo("invalid_cursor");
    }

    @Test
    void forbidsAPlayerToCreate() throws Exception {
        HttpResponse<String> created = api.post("/api/npcs", Files.readString(SEED), tokens.player(gameId));

        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(json.readTree(created.body()).path("code").stringValue()).isEqualTo("forbidden");
    }

    @Test
    void requiresAToken() throws Exception {
        HttpResponse<String> read = api.send(api.request("/api/npcs").GET().build());

        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("unauthorized");
    }

    @Test
    void recordsNpcCreatedInTheOutboxWithTheNpc() throws Exception {
        UUID designerId = UUID.randomUUID();
        String designer = tokens.token(designerId, gameId, "dana", Set.of("designer"));
        String npcId = api.createdNpcId(api.post("/api/npcs", Files.readString(SEED), designer));

        Map<String, Object> event = jdbc.sql("""
                select subject, type, game_id, payload::text as payload from outbox
                where payload -> 'data' ->> 'npc_id' = :npcId""")
                .param("npcId", npcId)
                .query().singleRow();

        assertThat(event.get("subject")).isEqualTo("gaia." + gameId + ".npc.created.v1");
        assertThat(event.get("game_id")).isEqualTo(gameId);
        JsonNode data = json.readTree((String) event.get("payload")).path("data");
        assertThat(data.path("name").stringValue()).isEqualTo("Elena Rodriguez");
        assertThat(data.path("created_by").stringValue()).isEqualTo(designerId.toString());
    }

    @Test
    void readsWithAnETagAndReplacesOnlyWithTheCurrentOne() throws Exception {
        String npcId = create("Ana", gameId);
        String designer = tokens.designer(gameId);

        HttpResponse<String> read = api.get("/api/npcs/" + npcId, designer);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json.readTree(read.body()).path("version").asLong()).isEqualTo(1);

        HttpResponse<String> noPrecondition = api.send("PUT", "/api/npcs/" + npcId, designer, strand("Ana B"), null);
        assertThat(noPrecondition.statusCode()).isEqualTo(428);
        assertThat(code(noPrecondition)).isEqualTo("precondition_required");

        HttpResponse<String> replaced = api.send("PUT", "/api/npcs/" + npcId, designer, strand("Ana B"), "\"1\"");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json.readTree(replaced.body()).path("name").stringValue()).isEqualTo("Ana B");

        HttpResponse<String> stale = api.send("PUT", "/api/npcs/" + npcId, designer, strand("Ana C"), "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(code(stale)).isEqualTo("npc_version_conflict");
        assertThat(json.readTree(api.get("/api/npcs/" + npcId, designer).body()).path("name").stringValue())
                .isEqualTo("Ana B");
    }

    @Test
    void letsExactlyOneOfTwoConcurrentWritersWin() throws Exception {
        String npcId = create("Raced", gameId);
        String designer = tokens.designer(gameId);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (String name : List.of("Raced A", "Raced B")) {
                results.add(writers.submit(() -> {
                    start.await();
                    return api.send("PUT", "/api/npcs/" + npcId, designer, strand(name), "\"1\"").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(jdbc.sql("select version from npc where id = :id").param("id", UUID.fromString(npcId))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from npc_version where npc_id = :id").param("id", UUID.fromString(npcId))
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void mergesAPatchIntoTheLifeStrand() throws Exception {
        String npcId = api.createdNpcId(api.post("/api/npcs", Files.readString(SEED), tokens.designer(gameId)));
        String patch = """
                {"current_status": {"mood": "worried"}, "memories": null,
                 "model_settings": {"chat_model": "elena-13b", "temperature": 0.4}}""";

        HttpResponse<String> patched = api.patch("/api/npcs/" + npcId, patch, tokens.designer(gameId), "\"1\"");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode npc = json.readTree(patched.body());
        assertThat(npc.path("current_status").path("mood").stringValue()).isEqualTo("worried");
        assertThat(npc.path("current_status").path("health").asInt()).as("untouched members stay").isEqualTo(100);
        assertThat(npc.path("memories").isEmpty()).isTrue();
        assertThat(npc.path("model_settings").path("chat_model").stringValue()).isEqualTo("elena-13b");
        assertThat(npc.path("version").asLong()).isEqualTo(2);
        assertThat(outboxData(npcId, "npc.updated").getFirst().path("changed").valueStream()
                .map(JsonNode::stringValue).toList())
                .containsExactlyInAnyOrder("current_status", "memories", "model_settings");
    }

    @Test
    void changesNothingWhenAPatchLeavesAnInvalidLifeStrand() throws Exception {
        String npcId = create("Steady", gameId);
        String designer = tokens.designer(gameId);
        String before = api.get("/api/npcs/" + npcId, designer).body();

        for (String invalid : List.of("{\"name\": \"\"}", "{\"personality\": {\"big_five\": {\"openness\": 2}}}",
                "{\"nickname\": \"Sty\"}", "{\"background\": null}", "[1, 2]")) {
            HttpResponse<String> patched = api.patch("/api/npcs/" + npcId, invalid, designer, "\"1\"");

            assertThat(patched.statusCode()).as(invalid + " -> " + patched.body()).isEqualTo(400);
            assertThat(patched.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> blank = api.patch("/api/npcs/" + npcId, "{\"name\": \"\"}", designer, "\"1\"");
        assertThat(code(blank)).isEqualTo("validation_failed");
        assertThat(json.readTree(blank.body()).path("errors").get(0).path("field").stringValue()).isEqualTo("name");

        assertThat(api.get("/api/npcs/" + npcId, designer).body()).isEqualTo(before);
        assertThat(outboxData(npcId, "npc.updated")).isEmpty();
        assertThat(jdbc.sql("select count(*) from npc_version where npc_id = :id").param("id", UUID.fromString(npcId))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deletesSoftlyAndThenAnswersNotFoundEverywhere() throws Exception {
        String npcId = create("Gone Gus", gameId);
        String designer = tokens.designer(gameId);

        HttpResponse<String> stale = api.send("DELETE", "/api/npcs/" + npcId, designer, null, "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);

        HttpResponse<String> deleted = api.send("DELETE", "/api/npcs/" + npcId, designer, null, null);
        assertThat(deleted.statusCode()).isEqualTo(204);

        assertThat(api.get("/api/npcs/" + npcId, designer).statusCode()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/npcs/" + npcId, designer, strand("Back"), "*").statusCode()).isEqualTo(404);
        assertThat(api.patch("/api/npcs/" + npcId, "{}", designer, "*").statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/npcs/" + npcId, designer, null, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/npcs/" + npcId + "/versions", designer).statusCode()).isEqualTo(404);
        assertThat(itemNames(list(designer, 100, null))).doesNotContain("Gone Gus");
        assertThat(jdbc.sql("select deleted_at is not null from npc where id = :id").param("id", UUID.fromString(npcId))
                .query(Boolean.class).single()).as("kept, marked deleted").isTrue();
        JsonNode event = outboxData(npcId, "npc.deleted").getFirst();
        assertThat(event.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void refusesTextsTheStoreCannotKeepWithAProblemAndStoresNothing() throws Exception {
        String designer = tokens.designer(gameId);
        long before = jdbc.sql("select count(*) from npc where game_id = :game").param("game", gameId)
                .query(Long.class).single();

        api.assertProblem(api.post("/api/npcs", strand("Nul\\u0000Name"), designer), 400, "unsupported_character");
        api.assertProblem(api.post("/api/npcs", """
                {"name":"Nul","background":{},"personality":{"traits":["a\\u0000b"]}}""", designer), 400,
                "unsupported_character");
        api.assertProblem(api.get("/api/npcs?name=a%00b", designer), 400, "unsupported_character");

        assertThat(jdbc.sql("select count(*) from npc where game_id = :game").param("game", gameId)
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void hidesAHiddenNpcFromPlayersOnly() throws Exception {
        String npcId = create("Shadow", gameId);
        String designer = tokens.designer(gameId);
        String player = tokens.player(gameId);

        HttpResponse<String> hidden = api.send("PUT", "/api/npcs/" + npcId + "/visibility", designer,
                "{\"visible_to_players\": false}", null);
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);

        assertThat(api.get("/api/npcs/" + npcId, player).statusCode()).isEqualTo(404);
        assertThat(itemNames(list(player, 100, null))).doesNotContain("Shadow");
        assertThat(itemNames(list(designer, 100, null))).contains("Shadow");
        HttpResponse<String> asDesigner = api.get("/api/npcs/" + npcId, designer);
        assertThat(json.readTree(asDesigner.body()).path("visible_to_players").asBoolean(true)).isFalse();
        assertThat(asDesigner.headers().firstValue("ETag")).as("visibility is no Life Strand version").hasValue("\"1\"");
        assertThat(outboxData(npcId, "npc.updated")).singleElement().satisfies(event -> assertThat(
                event.path("changed").toString()).isEqualTo("[\"visible_to_players\"]"));

        api.send("PUT", "/api/npcs/" + npcId + "/visibility", designer, "{\"visible_to_players\": true}", null);
        assertThat(api.get("/api/npcs/" + npcId, player).statusCode()).isEqualTo(200);
    }

    @Test
    void createsAHiddenNpcWhenAsked() throws Exception {
        String npcId = api.createdNpcId(
                api.post("/api/npcs?visible_to_players=false", strand("Secret Sam"), tokens.designer(gameId)));

        assertThat(api.get("/api/npcs/" + npcId, tokens.player(gameId)).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/npcs/" + npcId, tokens.designer(gameId)).statusCode()).isEqualTo(200);
    }

    @Test
    void showsPlayersNoDesignerOnlyParts() throws Exception {
        String body = """
                {"name": "Vera", "background": {}, "personality": {}, "goals": ["win the election"],
                 "safety": {"topics_to_avoid": ["the election fraud"]}, "model_settings": {"temperature": 0.2},
                 "extensions": {"card": {"creator": "x"}}, "tags": ["politician"]}""";
        String npcId = api.createdNpcId(api.post("/api/npcs", body, tokens.designer(gameId)));

        JsonNode asPlayer = json.readTree(api.get("/api/npcs/" + npcId, tokens.player(gameId)).body());
        JsonNode asDesigner = json.readTree(api.get("/api/npcs/" + npcId, tokens.designer(gameId)).body());

        assertThat(asPlayer.has("goals") || asPlayer.has("safety")
                || asPlayer.has("extensions") || asPlayer.has("visible_to_players")).isFalse();
        assertThat(asPlayer.path("tags").get(0).stringValue()).isEqualTo("politician");
        assertThat(asPlayer.path("model_settings").path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(asDesigner.path("goals").get(0).path("text").stringValue()).isEqualTo("win the election");
        assertThat(asDesigner.path("safety").path("topics_to_avoid").get(0).stringValue())
                .isEqualTo("the election fraud");
        JsonNode listed = list(tokens.player(gameId), 100, null).path("items").valueStream()
                .filter(item -> item.path("name").stringValue().equals("Vera")).findFirst().orElseThrow();
        assertThat(listed.has("safety")).isFalse();
    }

    @Test
    void filtersTheListByNameTagOccupationAndLocation() throws Exception {
        String designer = tokens.designer(gameId);
        api.post("/api/npcs", """
                {"name": "Marta Blacksmith", "background": {"occupation": "Smith", "location": "Ironforge"},
                 "personality": {}, "tags": ["Crafter", "quest-giver"]}""", designer);
        api.post("/api/npcs", """
                {"name": "Tomas", "background": {"occupation": "Fisher", "location": "Harbour"},
                 "personality": {}, "current_status": {"location": "Ironforge market"}, "tags": ["crafter"]}""",
                designer);
        api.post("/api/npcs", """
                {"name": "100% Nora_", "background": {"occupation": "Smithing teacher"}, "personality": {}}""",
                designer);
        String player = tokens.player(gameId);

        assertThat(itemNames(filtered(player, "name=black"))).containsExactly("Marta Blacksmith");
        assertThat(itemNames(filtered(player, "tag=CRAFTER"))).containsExactly("Marta Blacksmith", "Tomas");
        assertThat(itemNames(filtered(player, "occupation=smith"))).containsExactly("Marta Blacksmith", "100% Nora_");
        assertThat(itemNames(filtered(player, "location=ironforge"))).containsExactly("Marta Blacksmith", "Tomas");
        assertThat(itemNames(filtered(player, "tag=crafter&location=harbour"))).containsExactly("Tomas");
        assertThat(itemNames(filtered(player, "name=%25"))).as("wildcards are literal").containsExactly("100% Nora_");
        assertThat(itemNames(filtered(tokens.player(UUID.randomUUID()), "tag=crafter"))).isEmpty();
    }

    @Test
    void refusesAnOverlongChangeNote() throws Exception {
        String npcId = create("Noted", gameId);
        HttpResponse<String> put = api.send(api.request("/api/npcs/" + npcId, tokens.designer(gameId))
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .header("X-Gaia-Change-Note", "n".repeat(501))
                .PUT(HttpRequest.BodyPublishers.ofString(strand("Noted Again"))).build());

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(code(put)).isEqualTo("change_note_too_long");
        assertThat(api.read("/api/npcs/" + npcId, tokens.designer(gameId)).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void publishesNpcChangedInTheTransactionOfEveryChange() {
        LifeStrand bob = new LifeStrand("Bob", new LifeStrand.Background(null, null, null, null),
                new LifeStrand.Personality(null, null, null, null, null, null), null, null, null, null, null, null,
                null, null, null, null, null, null);

        NpcView created = npcService.create(gameId, null, bob, ChangeReason.CARD_IMPORT, "");
        NpcView changed = npcService.change(gameId, created.npcId(), null, ChangeReason.CONVERSATION_ANALYSIS,
                "learned to fish", 1L, strand -> new LifeStrand(strand.name(), strand.background(),
                        strand.personality(), strand.currentStatus(), strand.emotionalState(), strand.relationships(),
                        List.of(LifeStrand.KnowledgeFact.of("How to fish")), strand.memories(), strand.goals(),
                        strand.speechStyle(), strand.safety(), strand.modelSettings(), strand.avatarAssetId(),
                        strand.tags(), strand.extensions()));

        assertThat(changed.version()).isEqualTo(2);
        assertThat(npcService.find(gameId, created.npcId())).hasValue(changed);
        assertThat(npcService.find(UUID.randomUUID(), created.npcId())).isEmpty();
        assertThat(events.stream(NpcChanged.class).filter(event -> event.npcId().equals(created.npcId())))
                .extracting(NpcChanged::version, event -> event.lifeStrand().knowledge().size())
                .containsExactly(tuple(1L, 0), tuple(2L, 1));
        Map<String, Object> version = jdbc.sql("""
                select reason, note, actor_id from npc_version where npc_id = :id and version = 2""")
                .param("id", created.npcId()).query().singleRow();
        assertThat(version).containsEntry("reason", "CONVERSATION_ANALYSIS").containsEntry("note", "learned to fish");
        assertThat(version.get("actor_id")).isNull();
    }

    private JsonNode filtered(String token, String query) throws Exception {
        return api.read("/api/npcs?limit=100&" + query, token);
    }

    private List<JsonNode> outboxData(String npcId, String event) {
        return jdbc.sql("""
                select payload::text from outbox
                where payload -> 'data' ->> 'npc_id' = :npcId and type = :type order by created_at""")
                .param("npcId", npcId).param("type", "dev.gaia." + event + ".v1")
                .query(String.class).list().stream().map(payload -> json.readTree(payload).path("data")).toList();
    }

    private String code(HttpResponse<String> response) {
        return json.readTree(response.body()).path("code").stringValue();
    }

    private static String strand(String name) {
        return """
                {"name":"%s","background":{"occupation":"tester"},"personality":{"traits":["patient"]}}"""
                .formatted(name);
    }

    private String create(String name, UUID game) throws Exception {
        return api.createdNpcId(api.post("/api/npcs", strand(name), tokens.designer(game)));
    }

    private JsonNode list(String token, int limit, @Nullable String cursor) throws Exception {
        return api.read("/api/npcs?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), token);
    }

    private static List<String> itemNames(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("name").stringValue()).toList();
    }
}
