package dev.gaia.npc.lifestrand;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class NpcApiIT {

    private static final Path SEED = Path.of("../seeds/npcs/elena-rodriguez.json");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.shared();
    private final UUID gameId = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readsBackTheSeedNpcFieldForField() throws Exception {
        JsonNode seed = json.readTree(Files.readString(SEED));

        HttpResponse<String> created = post(Files.readString(SEED), tokens.designer(gameId));

        assertThat(created.statusCode()).isEqualTo(201);
        String npcId = json.readTree(created.body()).path("npc_id").stringValue();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/npcs/" + npcId);

        HttpResponse<String> read = get("/api/npcs/" + npcId, tokens.player(gameId));

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
            HttpResponse<String> read = get("/api/npcs/" + npcId, stranger);

            assertThat(read.statusCode()).isEqualTo(404);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("npc_not_found");
        }
        assertThat(itemNames(list(tokens.player(otherGame), 100, null))).doesNotContain("Hidden Hana");
    }

    @Test
    void answersAnUnknownIdWithNotFound() throws Exception {
        HttpResponse<String> read = get("/api/npcs/" + UUID.randomUUID(), tokens.player(gameId));

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
        HttpResponse<String> page = get("/api/npcs?cursor=bm90LWEtY3Vyc29y", tokens.player(gameId));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(json.readTree(page.body()).path("code").stringValue()).isEqualTo("invalid_cursor");
    }

    @Test
    void forbidsAPlayerToCreate() throws Exception {
        HttpResponse<String> created = post(Files.readString(SEED), tokens.player(gameId));

        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(json.readTree(created.body()).path("code").stringValue()).isEqualTo("forbidden");
    }

    @Test
    void requiresAToken() throws Exception {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri("/api/npcs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("unauthorized");
    }

    @Test
    void recordsNpcCreatedInTheOutboxWithTheNpc() throws Exception {
        UUID designerId = UUID.randomUUID();
        String designer = tokens.token(designerId, gameId, "dana", Set.of("designer"));
        String npcId = json.readTree(post(Files.readString(SEED), designer).body()).path("npc_id").stringValue();

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

    private String create(String name, UUID game) throws Exception {
        String body = """
                {"name":"%s","background":{"occupation":"tester"},"personality":{"traits":["patient"]}}"""
                .formatted(name);
        HttpResponse<String> created = post(body, tokens.designer(game));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("npc_id").stringValue();
    }

    private JsonNode list(String token, int limit, @Nullable String cursor) throws Exception {
        HttpResponse<String> page = get("/api/npcs?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                token);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body());
    }

    private static List<String> itemNames(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("name").stringValue()).toList();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/npcs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
