package dev.gaia.npc.relationship;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.gaia.npc.NpcApiClient;
import dev.gaia.npc.emotion.ShiftableClock;
import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.Background;
import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import dev.gaia.npc.lifestrand.LifeStrand.Personality;
import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.shared.security.Roles;
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
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({RealInfrastructure.class, ShiftableClock.Configuration.class})
class RelationshipApiIT {

    private static final String FRIENDS = """
            {"type":"FRIEND","trust":0.6,"affinity":0.7,"familiarity":0.8,"respect":0.5,"notes":"old friends"}""";

    private final JsonMapper json = JsonMapper.shared();
    private final UUID gameId = UUID.randomUUID();
    private final NpcApiClient api = new NpcApiClient(() -> this.port);

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    NpcService npcs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsARelationshipBetweenTwoNpcsFromEitherSide() throws Exception {
        UUID elena = create("Elena");
        UUID marcus = create("Marcus");

        HttpResponse<String> put = api.put(relationship(elena, "npc", marcus), FRIENDS, tokens.designer(gameId));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode fromMarcus = api.read(relationship(marcus, "NPC", elena), tokens.player(gameId));
        assertThat(fromMarcus.path("type").stringValue()).isEqualTo("FRIEND");
        assertThat(fromMarcus.path("trust").doubleValue()).isEqualTo(0.6);
        assertThat(fromMarcus.path("notes").stringValue()).isEqualTo("old friends");
        assertThat(fromMarcus.path("counterpart").path("type").stringValue()).isEqualTo("NPC");
        assertThat(fromMarcus.path("counterpart").path("id").stringValue()).isEqualTo(elena.toString());

        JsonNode marcusList = api.read("/api/npcs/" + marcus + "/relationships", tokens.player(gameId));
        assertThat(marcusList.path("items")).hasSize(1);
        assertThat(marcusList.path("items").get(0).path("counterpart").path("id").stringValue())
                .isEqualTo(elena.toString());

        // written again from the other side, it is the same relationship, replaced
        api.put(relationship(marcus, "npc", elena), """
                {"type":"RIVAL","trust":-0.2,"affinity":0.1,"familiarity":0.9,"respect":0.8}""",
                tokens.designer(gameId));
        JsonNode elenaList = api.read("/api/npcs/" + elena + "/relationships", tokens.designer(gameId));
        assertThat(elenaList.path("items")).hasSize(1);
        assertThat(elenaList.path("items").get(0).path("type").stringValue()).isEqualTo("RIVAL");
        assertThat(elenaList.path("items").get(0).has("notes")).isFalse();
    }

    @Test
    void movesTheNumbersByEachInteractionAndKeepsTheLatestTwenty() throws Exception {
        UUID elena = create("Elena");
        UUID marcus = create("Marcus");
        api.put(relationship(elena, "npc", marcus), """
                {"type":"ACQUAINTANCE","trust":0,"affinity":0,"familiarity":0,"respect":0}""",
                tokens.designer(gameId));

        JsonNode after = null;
        for (int i = 1; i <= 22; i++) {
            HttpResponse<String> recorded = api.post(relationship(marcus, "npc", elena) + "/interactions",
                    """
                    {"quality":1,"summary":"Shared lunch number %d"}""".formatted(i), tokens.designer(gameId));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
            after = json.readTree(recorded.body());
            if (i == 1) {
                assertThat(after.path("trust").doubleValue()).isCloseTo(0.10, within(1e-9));
                assertThat(after.path("affinity").doubleValue()).isCloseTo(0.15, within(1e-9));
                assertThat(after.path("familiarity").doubleValue()).isCloseTo(0.10, within(1e-9));
                assertThat(after.path("respect").doubleValue()).isCloseTo(0.05, within(1e-9));
            }
        }

        JsonNode interactions = after.path("recent_interactions");
        assertThat(interactions).hasSize(20);
        assertThat(interactions.get(0).path("summary").stringValue()).isEqualTo("Shared lunch number 22");
        assertThat(interactions.get(19).path("summary").stringValue()).isEqualTo("Shared lunch number 3");
        assertThat(after.path("trust").doubleValue()).isCloseTo(1 - Math.pow(0.9, 22), within(1e-9));
        assertThat(jdbc.sql("select count(*) from relationship_interaction where relationship_id = :id")
                .param("id", UUID.fromString(after.path("relationship_id").stringValue()))
                .query(Long.class).single()).isEqualTo(20);
    }

    @Test
    void startsAStrangersRelationshipWithTheFirstInteraction() throws Exception {
        UUID elena = create("Elena");
        UUID player = UUID.randomUUID();

        HttpResponse<String> recorded = api.post(relationship(elena, "player", player) + "/interactions", """
                {"quality":-0.5,"summary":"Was rude at the gate"}""", tokens.designer(gameId));

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode body = json.readTree(recorded.body());
        assertThat(body.path("type").stringValue()).isEqualTo("STRANGER");
        assertThat(body.path("trust").doubleValue()).isCloseTo(-0.05, within(1e-9));
        assertThat(body.path("target_type").stringValue()).isEqualTo("PLAYER");
    }

    @Test
    void showsAPlayersRelationshipOnlyToThatPlayerAndDesigners() throws Exception {
        UUID elena = create("Elena");
        UUID marcus = create("Marcus");
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        api.put(relationship(elena, "npc", marcus), FRIENDS, tokens.designer(gameId));
        api.put(relationship(elena, "player", alice), FRIENDS, tokens.designer(gameId));
        api.put(relationship(elena, "player", bob), FRIENDS, tokens.designer(gameId));
        String aliceToken = tokens.token(alice, gameId, "alice", Set.of(Roles.PLAYER));
        String bobToken = tokens.token(bob, gameId, "bob", Set.of(Roles.PLAYER));

        assertThat(api.get(relationship(elena, "player", alice), aliceToken).statusCode()).isEqualTo(200);
        HttpResponse<String> bobReadsAlices = api.get(relationship(elena, "player", alice), bobToken);
        assertThat(bobReadsAlices.statusCode()).isEqualTo(404);
        assertThat(json.readTree(bobReadsAlices.body()).path("code").stringValue()).isEqualTo("relationship_not_found");

        assertThat(counterparts(elena, aliceToken)).containsExactlyInAnyOrder(marcus, alice);
        assertThat(counterparts(elena, bobToken)).containsExactlyInAnyOrder(marcus, bob);
        assertThat(counterparts(elena, tokens.designer(gameId))).containsExactlyInAnyOrder(marcus, alice, bob);
        assertThat(api.read("/api/npcs/" + elena + "/relationships/stats", aliceToken).path("total").intValue())
                .isEqualTo(2);
    }

    @Test
    void keepsRelationshipsInTheirGame() throws Exception {
        UUID elena = create("Elena");
        UUID marcus = create("Marcus");
        api.put(relationship(elena, "npc", marcus), FRIENDS, tokens.designer(gameId));
        UUID otherGame = UUID.randomUUID();
        UUID stranger = npcs.create(otherGame, null, strand("Stranger", null, List.of()), ChangeReason.CREATED, "")
                .npcId();

        for (String outsider : List.of(tokens.player(otherGame), tokens.designer(otherGame))) {
            assertThat(api.get(relationship(elena, "npc", marcus), outsider).statusCode()).isEqualTo(404);
            assertThat(api.get("/api/npcs/" + elena + "/relationships", outsider).statusCode()).isEqualTo(404);
            assertThat(api.get("/api/npcs/" + elena + "/compatibility/" + marcus, outsider).statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> across = api.put(relationship(stranger, "npc", elena), FRIENDS,
                tokens.designer(otherGame));
        assertThat(across.statusCode()).isEqualTo(404);
        assertThat(json.readTree(across.body()).path("code").stringValue()).isEqualTo("target_not_found");
        assertThat(counterparts(elena, tokens.designer(gameId))).containsExactly(marcus);
    }

    @Test
    void leavesOutRelationshipsWithADeletedNpc() throws Exception {
        UUID elena = create("Elena");
        UUID marcus = create("Marcus");
        UUID hana = create("Hana");
        api.put(relationship(elena, "npc", marcus), FRIENDS, tokens.designer(gameId));
        api.put(relationship(hana, "npc", elena), FRIENDS, tokens.designer(gameId));

        jdbc.sql("update npc set deleted_at = now() where id = :id").param("id", marcus).update();

        assertThat(counterparts(elena, tokens.designer(gameId))).containsExactly(hana);
    }

    @Test
    void refusesWhatCannotBeARelationshipChangingNothing() throws Exception {
        UUID elena = create("Elena");
        String designer = tokens.designer(gameId);

        api.assertProblem(api.put(relationship(elena, "npc", elena), FRIENDS, designer), 400, "self_relationship");
        api.assertProblem(api.put(relationship(elena, "npc", UUID.randomUUID()), FRIENDS, designer), 404,
                "target_not_found");
        api.assertProblem(api.put(relationship(elena, "guild", UUID.randomUUID()), FRIENDS, designer), 400,
                "invalid_target_type");
        api.assertProblem(api.put(relationship(elena, "player", UUID.randomUUID()), """
                {"type":"FRIEND","trust":1.5,"affinity":0,"familiarity":0,"respect":0}""", designer), 400,
                "validation_failed");
        api.assertProblem(api.put(relationship(elena, "player", UUID.randomUUID()), """
                {"type":"BESTIE","trust":1,"affinity":0,"familiarity":0,"respect":0}""", designer), 400,
                "malformed_request");
        api.assertProblem(api.put(relationship(elena, "player", UUID.randomUUID()), """
                {"type":"FRIEND","trust":1,"affinity":0,"familiarity":0,"respect":0,"trsut":1}""", designer), 400,
                "malformed_request");
        api.assertProblem(api.put(relationship(elena, "player", UUID.randomUUID()), FRIENDS, tokens.player(gameId)),
                403, "forbidden");
        api.assertProblem(api.post(relationship(elena, "player", UUID.randomUUID()) + "/interactions", """
                {"quality":1,"summary":"x"}""", tokens.player(gameId)), 403, "forbidden");

        assertThat(counterparts(elena, designer)).isEmpty();
    }

    @Test
    void pagesThroughRelationships() throws Exception {
        UUID elena = create("Elena");
        List<UUID> players = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID player = UUID.randomUUID();
            players.add(player);
            api.put(relationship(elena, "player", player), FRIENDS, tokens.designer(gameId));
        }

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.read("/api/npcs/" + elena + "/relationships?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), tokens.designer(gameId));
            page.path("items").forEach(item -> seen.add(UUID.fromString(item.path("counterpart").path("id").stringValue())));
            cursor = page.path("next_cursor").isNull() || page.path("next_cursor").isMissingNode() ? null
                    : page.path("next_cursor").stringValue();
            pages++;
        }
        while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(players);
        assertThat(pages).isEqualTo(3);
        api.assertProblem(api.get("/api/npcs/" + elena + "/relationships?cursor=bm9wZQ", tokens.designer(gameId)), 400,
                "invalid_cursor");
    }

    @Test
    void countsRelationshipsByTypeWithTheMostAndLeastTrusted() throws Exception {
        UUID elena = create("Elena");
        UUID marcus = create("Marcus");
        UUID hana = create("Hana");
        UUID player = UUID.randomUUID();
        api.put(relationship(elena, "npc", marcus), """
                {"type":"FRIEND","trust":0.9,"affinity":0.5,"familiarity":0,"respect":0}""", tokens.designer(gameId));
        api.put(relationship(hana, "npc", elena), """
                {"type":"RIVAL","trust":-0.7,"affinity":-0.3,"familiarity":0,"respect":0}""", tokens.designer(gameId));
        api.put(relationship(elena, "player", player), """
                {"type":"FRIEND","trust":0.1,"affinity":0.4,"familiarity":0,"respect":0}""", tokens.designer(gameId));

        JsonNode stats = api.read("/api/npcs/" + elena + "/relationships/stats", tokens.designer(gameId));

        assertThat(stats.path("total").intValue()).isEqualTo(3);
        assertThat(stats.path("by_type").path("FRIEND").intValue()).isEqualTo(2);
        assertThat(stats.path("by_type").path("RIVAL").intValue()).isEqualTo(1);
        assertThat(stats.path("average_trust").doubleValue()).isCloseTo(0.1, within(1e-9));
        assertThat(stats.path("average_affinity").doubleValue()).isCloseTo(0.2, within(1e-9));
        assertThat(stats.path("most_trusted").path("counterpart").path("id").stringValue()).isEqualTo(marcus.toString());
        assertThat(stats.path("least_trusted").path("counterpart").path("id").stringValue()).isEqualTo(hana.toString());
        assertThat(stats.path("least_trusted").path("trust").doubleValue()).isEqualTo(-0.7);
    }

    @Test
    void scoresCompatibilityWithReasonsAndSuggestions() throws Exception {
        BigFive warm = new BigFive(0.9, 0.8, 0.8, 0.9, 0.1);
        UUID elena = npcs.create(gameId, null, strand("Elena", warm, List.of("discover ancient magic")),
                ChangeReason.CREATED, "").npcId();
        UUID ines = npcs.create(gameId, null, strand("Ines", warm, List.of("Discover ancient magic")),
                ChangeReason.CREATED, "").npcId();

        JsonNode compatibility = api.read("/api/npcs/" + elena + "/compatibility/" + ines, tokens.player(gameId));

        assertThat(compatibility.path("score").doubleValue()).isBetween(0.8, 1.0);
        assertThat(compatibility.path("reasons").valueStream().map(JsonNode::stringValue))
                .contains("Both are driven by: discover ancient magic.");
        assertThat(compatibility.path("suggested_interactions").valueStream().map(JsonNode::stringValue))
                .contains("Work together towards discover ancient magic");
        api.assertProblem(api.get("/api/npcs/" + elena + "/compatibility/" + elena, tokens.player(gameId)), 400,
                "same_npc");
    }

    private List<UUID> counterparts(UUID npcId, String token) throws Exception {
        return api.read("/api/npcs/" + npcId + "/relationships", token).path("items").valueStream()
                .map(item -> UUID.fromString(item.path("counterpart").path("id").stringValue())).toList();
    }

    private UUID create(String name) {
        return npcs.create(gameId, null, strand(name, null, List.of()), ChangeReason.CREATED, "").npcId();
    }

    private static LifeStrand strand(String name, @Nullable BigFive bigFive, List<String> motivations) {
        return new LifeStrand(name, new Background(30, "scholar", "Valdris", null),
                new Personality(List.of("curious"), motivations, null, bigFive, null, null), null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static String relationship(UUID npcId, String targetType, UUID targetId) {
        return "/api/npcs/" + npcId + "/relationships/" + targetType + "/" + targetId;
    }
}
