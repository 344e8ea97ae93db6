package dev.gaia.npc.version;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.gaia.npc.NpcApiClient;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class NpcVersionApiIT {

    private static final Path SEED = Path.of("../seeds/npcs/elena-rodriguez.json");

    private final JsonMapper json = JsonMapper.shared();
    private final UUID gameId = UUID.randomUUID();
    private final UUID designerId = UUID.randomUUID();
    private final NpcApiClient api = new NpcApiClient(() -> this.port);

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    private String designer() {
        return tokens.token(designerId, gameId, "dana", Set.of("designer"));
    }

    @Test
    void recordsWhoChangedWhatWhenAndWhy() throws Exception {
        String npcId = createSeed();
        put(npcId, json.readTree(Files.readString(SEED)), "\"1\"", "mood after the storm");

        JsonNode page = json.readTree(api.get("/api/npcs/" + npcId + "/versions", designer()).body());

        assertThat(page.path("items").valueStream().map(item -> item.path("version").asLong()).toList())
                .containsExactly(2L, 1L);
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("reason").stringValue()).isEqualTo("DESIGNER_EDIT");
        assertThat(newest.path("note").stringValue()).isEqualTo("mood after the storm");
        assertThat(newest.path("actor_id").stringValue()).isEqualTo(designerId.toString());
        assertThat(newest.path("created_at").stringValue()).isNotBlank();
        assertThat(page.path("items").get(1).path("reason").stringValue()).isEqualTo("CREATED");
    }

    @Test
    void pagesThroughVersionsNewestFirst() throws Exception {
        String npcId = createSeed();
        JsonNode strand = json.readTree(Files.readString(SEED));
        for (long version = 1; version <= 4; version++) {
            ((ObjectNode) strand.path("current_status")).put("energy", (int) (10 * version));
            put(npcId, strand, "\"" + version + "\"", null);
        }

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = api.get("/api/npcs/" + npcId + "/versions?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), designer());
            JsonNode page = json.readTree(response.body());
            page.path("items").forEach(item -> seen.add(item.path("version").asLong()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").stringValue();
        }
        while (cursor != null);

        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void diffsTwoVersionsAsJsonPatchOperations() throws Exception {
        String npcId = createSeed();
        JsonNode strand = json.readTree(Files.readString(SEED));
        ((ObjectNode) strand.path("current_status")).put("mood", "worried");
        ((ArrayNode) strand.path("personality").path("traits")).add("tired");
        ((ObjectNode) strand).remove("memories");
        put(npcId, strand, "\"1\"", null);

        HttpResponse<String> diff = api.get("/api/npcs/" + npcId + "/versions/1/diff/2", designer());

        assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
        JsonNode changes = json.readTree(diff.body()).path("changes");
        assertThat(changes.valueStream().map(change -> change.path("op").stringValue() + " "
                + change.path("path").stringValue()).toList()).containsExactlyInAnyOrder(
                "add /personality/traits/5", "replace /current_status/mood", "remove /memories/1",
                "remove /memories/0");
        JsonNode mood = changes.valueStream().filter(change -> change.path("path").stringValue()
                .equals("/current_status/mood")).findFirst().orElseThrow();
        assertThat(mood.path("before").stringValue()).isEqualTo("excited");
        assertThat(mood.path("after").stringValue()).isEqualTo("worried");
    }

    @Test
    void rollsBackToTheExactEarlierLifeStrand() throws Exception {
        String npcId = createSeed();
        String versionOne = json.readTree(api.get("/api/npcs/" + npcId + "/versions/1", designer()).body())
                .path("life_strand").toString();
        HttpResponse<String> patched = api.send("PATCH", "/api/npcs/" + npcId, designer(), """
                {"name": "Elena R.", "current_status": {"mood": "angry"}, "tags": ["scientist"],
                 "personality": {"big_five": null}}""", "\"1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        HttpResponse<String> noPrecondition = api.send("POST", "/api/npcs/" + npcId + "/versions/1/rollback",
                designer(), null, null);
        assertThat(noPrecondition.statusCode()).isEqualTo(428);
        HttpResponse<String> stale = api.send("POST", "/api/npcs/" + npcId + "/versions/1/rollback", designer(), null,
                "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);

        HttpResponse<String> rolledBack = api.send("POST", "/api/npcs/" + npcId + "/versions/1/rollback", designer(),
                null, "\"2\"");

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.headers().firstValue("ETag")).hasValue("\"3\"");
        JsonNode three = json.readTree(rolledBack.body());
        assertThat(three.path("reason").stringValue()).isEqualTo("ROLLBACK");
        assertThat(three.path("note").stringValue()).isEqualTo("Rolled back to version 1");
        assertThat(three.path("life_strand").toString()).isEqualTo(versionOne);
        JsonNode current = json.readTree(api.get("/api/npcs/" + npcId, designer()).body());
        JsonNode seed = json.readTree(Files.readString(SEED));
        seed.properties().forEach(field -> assertThat(current.path(field.getKey())).as(field.getKey())
                .isEqualTo(field.getValue()));
        assertThat(current.has("tags")).isFalse();
        HttpResponse<String> diff = api.get("/api/npcs/" + npcId + "/versions/1/diff/3", designer());
        assertThat(json.readTree(diff.body()).path("changes").isEmpty()).isTrue();
    }

    @Test
    void keepsTheHistoryFromPlayersAndOtherGames() throws Exception {
        String npcId = createSeed();

        HttpResponse<String> player = api.get("/api/npcs/" + npcId + "/versions", tokens.player(gameId));
        assertThat(player.statusCode()).isEqualTo(403);
        assertThat(json.readTree(player.body()).path("code").stringValue()).isEqualTo("forbidden");

        String stranger = tokens.designer(UUID.randomUUID());
        for (String path : List.of("/versions", "/versions/1", "/versions/1/diff/1")) {
            HttpResponse<String> read = api.get("/api/npcs/" + npcId + path, stranger);
            assertThat(read.statusCode()).as(path).isEqualTo(404);
            assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("npc_not_found");
        }
        HttpResponse<String> rollback = api.send("POST", "/api/npcs/" + npcId + "/versions/1/rollback", stranger, null,
                "*");
        assertThat(rollback.statusCode()).isEqualTo(404);
    }

    @Test
    void answersAVersionThatNeverWasWithNotFound() throws Exception {
        String npcId = createSeed();

        HttpResponse<String> read = api.get("/api/npcs/" + npcId + "/versions/9", designer());

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("npc_version_not_found");
        HttpResponse<String> rollback = api.send("POST", "/api/npcs/" + npcId + "/versions/9/rollback", designer(),
                null, "*");
        assertThat(rollback.statusCode()).isEqualTo(404);
        assertThat(api.get("/api/npcs/" + npcId, designer()).headers().firstValue("ETag"))
                .hasValue("\"1\"");
    }

    private String createSeed() throws Exception {
        return api.createdNpcId(api.post("/api/npcs", Files.readString(SEED), designer()));
    }

    private void put(String npcId, JsonNode strand, String ifMatch, @Nullable String note) throws Exception {
        HttpRequest.Builder request = api.request("/api/npcs/" + npcId, designer())
                .header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(strand.toString()));
        if (note != null) {
            request.header("X-Gaia-Change-Note", note);
        }
        HttpResponse<String> put = api.send(request.build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }
}
