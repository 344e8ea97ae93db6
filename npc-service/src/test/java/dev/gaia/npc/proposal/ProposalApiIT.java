package dev.gaia.npc.proposal;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.gaia.npc.NpcApiClient;
import dev.gaia.npc.emotion.ShiftableClock;
import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.Background;
import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import dev.gaia.npc.lifestrand.LifeStrand.CurrentStatus;
import dev.gaia.npc.lifestrand.LifeStrand.EmotionalState;
import dev.gaia.npc.lifestrand.LifeStrand.Personality;
import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.npc.lifestrand.NpcView;
import dev.gaia.shared.security.Roles;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
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
class ProposalApiIT {

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
    void waitsForADesignerJustBelowTheThreshold() throws Exception {
        UUID npcId = create("Mira");

        JsonNode proposal = submit(npcId, proposal(0.79, "wary"));

        assertThat(proposal.path("status").stringValue()).isEqualTo("PENDING");
        assertThat(proposal.has("outcome")).isFalse();
        NpcView npc = npcs.find(gameId, npcId).orElseThrow();
        assertThat(npc.version()).isEqualTo(1);
        assertThat(npc.lifeStrand().currentStatus().mood()).isEqualTo("calm");
        assertThat(pleasure(npcId)).isCloseTo(0.0, within(1e-3));
    }

    @Test
    void appliesEverythingAtOnceAtTheThreshold() throws Exception {
        UUID npcId = create("Mira");
        UUID marcus = create("Marcus");
        UUID conversation = UUID.randomUUID();

        JsonNode proposal = submit(npcId, """
                {"confidence":0.8,
                 "evidence":[{"text":"She flinched at the thunder","conversation_id":"%s"}],
                 "changes":{"mood":"wary","pad_delta":{"p":-0.3,"a":0.2,"d":-0.1},
                   "big_five_delta":{"neuroticism":0.3,"openness":-0.02},
                   "relationship_deltas":[{"target_type":"NPC","target_id":"%s","trust":0.2,"type":"ally"}],
                   "learned_knowledge":[{"text":"Storms come from the west","scope":"COMMON","confidence":0.9}]}}"""
                .formatted(conversation, marcus));

        assertThat(proposal.path("status").stringValue()).isEqualTo("APPLIED");
        assertThat(proposal.has("decided_by")).isFalse();
        JsonNode outcome = proposal.path("outcome");
        assertThat(outcome.path("version").longValue()).isEqualTo(2);
        assertThat(outcome.path("clamped_traits")).hasSize(1);
        assertThat(outcome.path("clamped_traits").get(0).path("trait").stringValue()).isEqualTo("neuroticism");
        assertThat(outcome.path("clamped_traits").get(0).path("applied").doubleValue()).isCloseTo(0.05, within(1e-9));

        LifeStrand after = npcs.find(gameId, npcId).orElseThrow().lifeStrand();
        assertThat(after.currentStatus().mood()).isEqualTo("wary");
        assertThat(after.personality().bigFive().neuroticism()).isCloseTo(0.55, within(1e-9));
        assertThat(after.personality().bigFive().openness()).isCloseTo(0.48, within(1e-9));
        assertThat(after.knowledge()).anySatisfy(fact -> {
            assertThat(fact.text()).isEqualTo("Storms come from the west");
            assertThat(fact.source()).isEqualTo("conversation:" + conversation);
        });
        assertThat(api.read("/api/npcs/" + npcId, tokens.designer(gameId)).path("knowledge").toString())
                .contains("Storms come from the west");
        assertThat(api.read("/api/npcs/" + npcId, tokens.player(gameId)).path("knowledge").toString())
                .as("what a player's conversation taught is not for other players").doesNotContain("Storms");
        assertThat(pleasure(npcId)).isCloseTo(-0.3, within(1e-3));
        JsonNode relationship = api.read("/api/npcs/" + marcus + "/relationships/npc/" + npcId,
                tokens.designer(gameId));
        assertThat(relationship.path("type").stringValue()).isEqualTo("ALLY");
        assertThat(relationship.path("trust").doubleValue()).isCloseTo(0.2, within(1e-9));

        String reason = jdbc.sql("""
                select payload -> 'data' ->> 'reason' from outbox
                where type like '%npc.updated%' and payload -> 'data' ->> 'npc_id' = :npcId""")
                .param("npcId", npcId.toString()).query(String.class).single();
        assertThat(reason).isEqualTo("CONVERSATION_ANALYSIS");
    }

    @Test
    void appliesAWaitingProposalWhenADesignerApprovesItOnce() throws Exception {
        UUID npcId = create("Mira");
        UUID designer = UUID.randomUUID();
        String token = tokens.token(designer, gameId, "dana", Set.of(Roles.DESIGNER));
        String proposalId = submit(npcId, proposal(0.5, "cheerful")).path("proposal_id").stringValue();

        HttpResponse<String> approved = api.post(proposals(npcId) + "/" + proposalId + "/approve", """
                {"note":"fits the story"}""", token);

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode body = json.readTree(approved.body());
        assertThat(body.path("status").stringValue()).isEqualTo("APPLIED");
        assertThat(body.path("decided_by").stringValue()).isEqualTo(designer.toString());
        assertThat(body.path("decision_note").stringValue()).isEqualTo("fits the story");
        assertThat(npcs.find(gameId, npcId).orElseThrow().lifeStrand().currentStatus().mood()).isEqualTo("cheerful");

        api.assertProblem(api.post(proposals(npcId) + "/" + proposalId + "/approve", "", token), 409,
                "proposal_not_pending");
        api.assertProblem(api.post(proposals(npcId) + "/" + proposalId + "/reject", "", token), 409,
                "proposal_not_pending");
        assertThat(npcs.find(gameId, npcId).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void appliesAProposalOnceWhenTwoDesignersApproveItAtOnce() throws Exception {
        UUID npcId = create("Mira");
        String proposalId = submit(npcId, proposal(0.3, "hopeful")).path("proposal_id").stringValue();
        HttpRequest approve = api.request(proposals(npcId) + "/" + proposalId + "/approve", tokens.designer(gameId))
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        List<Integer> statuses = List.of(api.sendAsync(approve), api.sendAsync(approve))
                .stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(npcs.find(gameId, npcId).orElseThrow().version()).isEqualTo(2);
        assertThat(pleasure(npcId)).isCloseTo(0.2, within(1e-3));
    }

    @Test
    void makesNoEmptyVersionWhenEveryLifeStrandPartIsLeftOut() throws Exception {
        UUID npcId = create("Mira");
        submit(npcId, """
                {"confidence":0.9,"changes":{"learned_knowledge":[{"text":"The mine is deep"}]}}""");

        JsonNode again = submit(npcId, """
                {"confidence":0.9,"changes":{"learned_knowledge":[{"text":"the mine is deep"}]}}""");

        assertThat(again.path("status").stringValue()).isEqualTo("APPLIED");
        assertThat(again.path("outcome").has("version")).isFalse();
        assertThat(again.path("outcome").path("notes").get(0).stringValue()).contains("Already known");
        assertThat(npcs.find(gameId, npcId).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void rejectsAWaitingProposalChangingNothing() throws Exception {
        UUID npcId = create("Mira");
        String proposalId = submit(npcId, proposal(0.2, "furious")).path("proposal_id").stringValue();

        HttpResponse<String> rejected = api.post(proposals(npcId) + "/" + proposalId + "/reject", """
                {"note":"out of character"}""", tokens.designer(gameId));

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(json.readTree(rejected.body()).path("status").stringValue()).isEqualTo("REJECTED");
        api.assertProblem(api.post(proposals(npcId) + "/" + proposalId + "/approve", "", tokens.designer(gameId)), 409,
                "proposal_not_pending");
        NpcView npc = npcs.find(gameId, npcId).orElseThrow();
        assertThat(npc.version()).isEqualTo(1);
        assertThat(npc.lifeStrand().currentStatus().mood()).isEqualTo("calm");
        assertThat(pleasure(npcId)).isCloseTo(0.0, within(1e-3));
    }

    @Test
    void followsTheGamesOwnSettings() throws Exception {
        UUID npcId = create("Mira");
        String designer = tokens.designer(gameId);
        JsonNode defaults = api.read("/api/npcs/settings", designer);
        assertThat(defaults.path("auto_approve_threshold").doubleValue()).isEqualTo(0.8);
        assertThat(defaults.path("max_trait_step").doubleValue()).isEqualTo(0.05);

        HttpResponse<String> changed = api.put("/api/npcs/settings", """
                {"auto_approve_threshold":0.5,"max_trait_step":0.2}""", designer);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode applied = submit(npcId, """
                {"confidence":0.6,"changes":{"big_five_delta":{"extraversion":0.3}}}""");
        assertThat(applied.path("status").stringValue()).isEqualTo("APPLIED");
        assertThat(npcs.find(gameId, npcId).orElseThrow().lifeStrand().personality().bigFive().extraversion())
                .isCloseTo(0.7, within(1e-9));
        assertThat(api.read("/api/npcs/settings", tokens.designer(UUID.randomUUID())).path("auto_approve_threshold")
                .doubleValue()).isEqualTo(0.8);
        api.assertProblem(api.put("/api/npcs/settings", """
                {"auto_approve_threshold":1.5,"max_trait_step":0.2}""", designer), 400, "validation_failed");
        api.assertProblem(api.put("/api/npcs/settings", """
                {"auto_approve_threshold":0.5,"max_trait_step":0.2}""", tokens.player(gameId)), 403, "forbidden");
    }

    @Test
    void keepsProposalsInTheirGame() throws Exception {
        UUID npcId = create("Mira");
        String proposalId = submit(npcId, proposal(0.1, "sad")).path("proposal_id").stringValue();
        String outsider = tokens.designer(UUID.randomUUID());

        api.assertProblem(api.get(proposals(npcId), outsider), 404, "npc_not_found");
        api.assertProblem(api.post(proposals(npcId), proposal(0.9, "happy"), outsider), 404, "npc_not_found");
        api.assertProblem(api.post(proposals(npcId) + "/" + proposalId + "/approve", "", outsider), 404,
                "npc_not_found");
        UUID otherNpc = create("Other");
        api.assertProblem(api.post(proposals(otherNpc) + "/" + proposalId + "/approve", "", tokens.designer(gameId)),
                404, "proposal_not_found");
        api.assertProblem(api.get(proposals(npcId), tokens.player(gameId)), 403, "forbidden");
        assertThat(npcs.find(gameId, npcId).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidProposalStoringNothing() throws Exception {
        UUID npcId = create("Mira");
        String designer = tokens.designer(gameId);

        api.assertProblem(api.post(proposals(npcId), """
                {"confidence":0.9,"changes":{}}""", designer), 400, "empty_proposal");
        api.assertProblem(api.post(proposals(npcId), """
                {"confidence":1.2,"changes":{"mood":"sad"}}""", designer), 400, "validation_failed");
        api.assertProblem(api.post(proposals(npcId), """
                {"confidence":0.9,"changes":{"relationship_deltas":[{"target_type":"NPC","target_id":"%s","trust":0.1}]}}"""
                .formatted(UUID.randomUUID()), designer), 404, "target_not_found");
        api.assertProblem(api.post(proposals(npcId), proposal(0.9, "sad"), tokens.player(gameId)), 403, "forbidden");
        api.assertProblem(api.post(proposals(npcId), """
                {"confidence":0.9,"changes":{"mood":"sad","pad_delat":{"p":0.5}}}""", designer), 400,
                "malformed_request");

        assertThat(jdbc.sql("select count(*) from change_proposal where npc_id = :npcId").param("npcId", npcId)
                .query(Long.class).single()).isZero();
        assertThat(npcs.find(gameId, npcId).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void listsProposalsNewestFirstByStatus() throws Exception {
        UUID npcId = create("Mira");
        List<String> pending = new ArrayList<>();
        for (String mood : List.of("a", "b", "c")) {
            pending.add(submit(npcId, proposal(0.1, mood)).path("proposal_id").stringValue());
        }
        String applied = submit(npcId, proposal(0.95, "d")).path("proposal_id").stringValue();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.read(proposals(npcId) + "?status=pending&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), tokens.designer(gameId));
            page.path("items").forEach(item -> seen.add(item.path("proposal_id").stringValue()));
            cursor = page.path("next_cursor").isNull() || page.path("next_cursor").isMissingNode() ? null
                    : page.path("next_cursor").stringValue();
        }
        while (cursor != null);

        assertThat(seen).containsExactly(pending.get(2), pending.get(1), pending.get(0));
        assertThat(api.read(proposals(npcId) + "?status=APPLIED", tokens.admin(gameId)).path("items").valueStream()
                .map(item -> item.path("proposal_id").stringValue())).containsExactly(applied);
        assertThat(api.read(proposals(npcId), tokens.admin(gameId)).path("items")).hasSize(4);
        api.assertProblem(api.get(proposals(npcId) + "?status=maybe", tokens.admin(gameId)), 400, "invalid_status");
    }

    private static String proposal(double confidence, String mood) {
        return """
                {"confidence":%s,"evidence":[{"text":"said so"}],"changes":{"mood":"%s","pad_delta":{"p":0.2}}}"""
                .formatted(confidence, mood);
    }

    private JsonNode submit(UUID npcId, String body) throws Exception {
        HttpResponse<String> submitted = api.post(proposals(npcId), body, tokens.designer(gameId));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        return json.readTree(submitted.body());
    }

    private double pleasure(UUID npcId) throws Exception {
        return api.read("/api/npcs/" + npcId + "/emotional-state", tokens.designer(gameId)).path("current")
                .path("pleasure").doubleValue();
    }

    private UUID create(String name) {
        LifeStrand strand = new LifeStrand(name, new Background(40, "miner", "Deepvale", null),
                new Personality(List.of("stubborn"), null, null, new BigFive(0.5, 0.5, 0.5, 0.5, 0.5), null, null),
                new CurrentStatus("calm", 80, 70, null, null), new EmotionalState(0.0, 0.0, 0.0), null, null, null,
                null, null, null, null, null, null, null);
        return npcs.create(gameId, null, strand, ChangeReason.CREATED, "").npcId();
    }

    private static String proposals(UUID npcId) {
        return "/api/npcs/" + npcId + "/proposals";
    }
}
