package dev.gaia.npc.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.gaia.npc.NpcApiClient;
import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.NpcService;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class NpcSearchIT {

    private static final FakeEmbeddingsServer MODEL = FakeEmbeddingsServer.start();

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
    NpcService npcs;

    @DynamicPropertySource
    static void modelService(DynamicPropertyRegistry registry) {
        registry.add("gaia.npc.search.model-url", () -> MODEL.baseUrl().toString());
    }

    @AfterEach
    void healModel() {
        MODEL.failWith(0);
        MODEL.answerAs(FakeEmbeddingsServer.DEFAULT_MODEL);
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @Test
    void ranksTheGamesNpcsByMeaning() throws Exception {
        String smith = create(gameId, "Bram", "blacksmith", "He forges swords and horseshoes at the anvil of his forge.");
        String baker = create(gameId, "Lina", "baker", "She bakes bread, pastries and honey cakes in stone ovens.");
        String sailor = create(gameId, "Tess", "sailor", "She sails ships across the stormy sea to far harbours.");

        List<String> found = ids(search("who forges swords at an anvil", tokens.player(gameId), 10));

        assertThat(found).containsExactlyInAnyOrder(smith, baker, sailor);
        assertThat(found.getFirst()).isEqualTo(smith);
        assertThat(ids(search("fresh bread and cakes", tokens.designer(gameId), 1))).containsExactly(baker);
        JsonNode best = search("ships on the stormy sea", tokens.player(gameId), 3).path("items").get(0);
        assertThat(best.path("npc_id").stringValue()).isEqualTo(sailor);
        assertThat(best.path("name").stringValue()).isEqualTo("Tess");
        assertThat(best.path("score").doubleValue()).isBetween(0.0, 1.0);
    }

    @Test
    void neverShowsAnotherGamesNpc() throws Exception {
        UUID otherGame = UUID.randomUUID();
        String ours = create(gameId, "Bram", "blacksmith", "He forges swords at the anvil.");
        String theirs = create(otherGame, "Brom", "blacksmith", "He forges swords at the anvil.");

        assertThat(ids(search("forges swords anvil", tokens.player(gameId), 50))).containsExactly(ours);
        assertThat(ids(search("forges swords anvil", tokens.designer(otherGame), 50))).containsExactly(theirs);
        assertThat(ids(search("forges swords anvil", tokens.admin(UUID.randomUUID()), 50))).isEmpty();
    }

    @Test
    void followsAnUpdate() throws Exception {
        String npc = create(gameId, "Bram", "blacksmith", "He forges swords at the anvil.");
        // Lina shares one word with the old description, so that once Bram no longer matches she
        // ranks above him rather than ties with him at zero.
        create(gameId, "Lina", "baker", "She bakes bread in stone ovens by the old forges.");
        assertThat(ids(search("forges swords anvil", tokens.player(gameId), 1))).containsExactly(npc);

        npcs.change(gameId, UUID.fromString(npc), null, ChangeReason.DESIGNER_EDIT, "retired", null,
                strand -> new LifeStrand(strand.name(),
                        new LifeStrand.Background(null, "fisherman", "the harbour", "He casts nets for herring and cod."),
                        strand.personality(), null, null, null, null, null, null, null, null, null, null, null, null));

        assertThat(ids(search("nets for herring and cod", tokens.player(gameId), 1))).containsExactly(npc);
        assertThat(ids(search("forges swords anvil", tokens.player(gameId), 1))).doesNotContain(npc);
        assertThat(jdbc.sql("select version from npc_embedding where npc_id = :id").param("id", UUID.fromString(npc))
                .query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void followsADelete() throws Exception {
        String npc = create(gameId, "Bram", "blacksmith", "He forges swords at the anvil.");
        assertThat(ids(search("forges swords", tokens.player(gameId), 5))).containsExactly(npc);

        HttpResponse<String> deleted = api.send("DELETE", "/api/npcs/" + npc, tokens.designer(gameId), null, null);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(ids(search("forges swords", tokens.player(gameId), 5))).isEmpty();
        assertThat(rows(gameId)).isZero();
    }

    @Test
    void embedsAChangeInTheBackgroundWithTheCallersToken() throws Exception {
        String designer = tokens.designer(gameId);
        String npc = create(gameId, designer, "Bram", "blacksmith", "He forges swords at the anvil.");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select stale from npc_embedding where npc_id = :id").param("id", UUID.fromString(npc))
                .query(Boolean.class).single()).isFalse());
        assertThat(MODEL.authorizations()).contains("Bearer " + designer);
    }

    @Test
    void keepsAChangeWhenTheModelIsDownAndEmbedsItOnTheNextSearch() throws Exception {
        MODEL.failWith(503);
        String npc = create(gameId, "Bram", "blacksmith", "He forges swords at the anvil.");
        assertThat(jdbc.sql("select stale from npc_embedding where npc_id = :id").param("id", UUID.fromString(npc))
                .query(Boolean.class).single()).isTrue();

        HttpResponse<String> down = api.get("/api/npcs/search?q=swords", tokens.player(gameId));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json.readTree(down.body()).path("code").stringValue()).isEqualTo("embedding_unavailable");

        MODEL.failWith(0);
        assertThat(ids(search("forges swords", tokens.player(gameId), 5))).containsExactly(npc);
    }

    @Test
    void neverRanksVectorsOfAnotherModel() throws Exception {
        String npc = create(gameId, "Bram", "blacksmith", "He forges swords at the anvil.");
        assertThat(ids(search("forges swords", tokens.player(gameId), 5))).containsExactly(npc);

        MODEL.answerAs("openai/text-embedding-3-small");

        assertThat(ids(search("forges swords", tokens.player(gameId), 5))).containsExactly(npc);
        assertThat(jdbc.sql("select model from npc_embedding where game_id = :game").param("game", gameId)
                .query(String.class).list()).containsOnly("openai/text-embedding-3-small");
    }

    @Test
    void leavesOutNpcsHiddenFromPlayers() throws Exception {
        String shown = create(gameId, "Bram", "blacksmith", "He forges swords at the anvil.");
        String hidden = create(gameId, "Brom", "blacksmith", "He also forges swords at the anvil.");
        HttpResponse<String> hide = api.put("/api/npcs/" + hidden + "/visibility", "{\"visible_to_players\":false}",
                tokens.designer(gameId));
        assertThat(hide.statusCode()).as(hide.body()).isEqualTo(200);

        assertThat(ids(search("forges swords anvil", tokens.player(gameId), 10))).containsExactly(shown);
        assertThat(ids(search("forges swords anvil", tokens.designer(gameId), 10)))
                .containsExactlyInAnyOrder(shown, hidden);
    }

    @Test
    void givesAPlayerTheVisibleHitsEvenWhenHiddenOnesRankHigher() throws Exception {
        String shown = create(gameId, "Tam", "fisher", "She mends nets by the harbour.");
        for (String name : List.of("Hild", "Hask", "Hodd")) {
            String hidden = create(gameId, name, "smith", "He forges swords at the anvil, swords at the anvil.");
            api.put("/api/npcs/" + hidden + "/visibility", "{\"visible_to_players\":false}", tokens.designer(gameId));
        }

        assertThat(ids(search("forges swords anvil", tokens.player(gameId), 1))).containsExactly(shown);
    }

    @Test
    void boundsTheQueryAndTheLimit() throws Exception {
        for (String query : List.of("q=%20%20", "q=" + "a".repeat(501), "q=swords&limit=51", "q=swords&limit=0",
                "limit=5")) {
            HttpResponse<String> refused = api.get("/api/npcs/search?" + query, tokens.player(gameId));

            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void requiresAToken() throws Exception {
        HttpResponse<String> refused = api.send(api.request("/api/npcs/search?q=swords").GET().build());

        assertThat(refused.statusCode()).isEqualTo(401);
    }

    private String create(UUID game, String name, String occupation, String history) throws Exception {
        return create(game, tokens.designer(game), name, occupation, history);
    }

    private String create(UUID game, String token, String name, String occupation, String history) throws Exception {
        String body = json.writeValueAsString(json.createObjectNode().put("name", name)
                .<tools.jackson.databind.node.ObjectNode>set("background", json.createObjectNode()
                        .put("occupation", occupation).put("history", history))
                .set("personality", json.createObjectNode()));
        return api.createdNpcId(api.post("/api/npcs", body, token));
    }

    private JsonNode search(String query, String token, int limit) throws Exception {
        return api.read("/api/npcs/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + limit,
                token);
    }

    private static List<String> ids(JsonNode results) {
        return results.path("items").valueStream().map(item -> item.path("npc_id").stringValue()).toList();
    }

    private long rows(UUID game) {
        return jdbc.sql("select count(*) from npc_embedding where game_id = :game").param("game", game)
                .query(Long.class).single();
    }
}
