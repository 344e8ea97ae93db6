package dev.gaia.npc.emotion;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.gaia.npc.NpcApiClient;
import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.Background;
import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import dev.gaia.npc.lifestrand.LifeStrand.EmotionalState;
import dev.gaia.npc.lifestrand.LifeStrand.Personality;
import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({RealInfrastructure.class, ShiftableClock.Configuration.class})
class EmotionApiIT {

    private static final BigFive ANXIOUS = new BigFive(0.5, 0.5, 0.5, 0.5, 1.0);

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
    ShiftableClock clock;

    @Autowired
    EmotionProperties properties;

    @AfterEach
    void stopTime() {
        clock.reset();
    }

    @Test
    void feelsItsPersonalitysBaselineUntilSomethingHappens() throws Exception {
        UUID npcId = create(ANXIOUS, null);

        JsonNode state = read(npcId, tokens.player(gameId));

        // Mehrabian: an anxious character is unpleasant (-0.19) and aroused (0.57)
        assertPad(state.path("baseline"), -0.19, 0.57, 0);
        assertPad(state.path("current"), -0.19, 0.57, 0);
        assertThat(state.path("npc_id").stringValue()).isEqualTo(npcId.toString());
        assertThat(state.path("updated_at").stringValue()).isNotBlank();
    }

    @Test
    void startsFromTheLifeStrandsEmotionalState() throws Exception {
        UUID npcId = create(ANXIOUS, new EmotionalState(0.6, -0.2, 0.1));

        assertPad(read(npcId, tokens.designer(gameId)).path("current"), 0.6, -0.2, 0.1);
    }

    @Test
    void appraisesAnEventByPersonalityAndRemembersTheResult() throws Exception {
        UUID npcId = create(ANXIOUS, new EmotionalState(0.0, 0.0, 0.0));

        HttpResponse<String> appraised = api.post("/api/npcs/" + npcId + "/appraisals",
                """
                {"event":"THREAT","intensity":0.5}""", tokens.designer(gameId));

        assertThat(appraised.statusCode()).as(appraised.body()).isEqualTo(200);
        JsonNode body = json.readTree(appraised.body());
        // fear (-0.64, 0.60, -0.43) at half intensity, amplified 1.5 times by neuroticism
        assertPad(body.path("delta"), -0.48, 0.45, -0.3225);
        assertPad(body.path("state").path("current"), -0.48, 0.45, -0.3225);
        assertThat(body.path("event").stringValue()).isEqualTo("THREAT");
        assertThat(body.has("sentiment")).isFalse();
        assertPad(read(npcId, tokens.player(gameId)).path("current"), -0.48, 0.45, -0.3225);
    }

    @Test
    void neverLosesOneOfTwoAppraisalsAtOnce() throws Exception {
        UUID npcId = create(null, new EmotionalState(0.0, 0.0, 0.0));
        String designer = tokens.designer(gameId);
        String praise = """
                {"event":"praise","intensity":1}""";

        HttpRequest appraisal = api.request("/api/npcs/" + npcId + "/appraisals", designer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(praise)).build();

        List<HttpResponse<String>> answers = List.of(api.sendAsync(appraisal), api.sendAsync(appraisal))
                .stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        // pride (0.40, 0.30, 0.30) twice; the drift between them is far below the tolerance
        assertPad(read(npcId, designer).path("current"), 0.80, 0.60, 0.60, 1e-3);
    }

    @Test
    void driftsBackToTheBaselineHalfwayInEachHalfLife() throws Exception {
        UUID npcId = create(null, new EmotionalState(0.8, -0.6, 0.4));
        api.post("/api/npcs/" + npcId + "/appraisals", """
                {"event":"LOSS","intensity":0}""", tokens.designer(gameId));

        clock.advance(properties.halfLife());
        JsonNode halfway = read(npcId, tokens.player(gameId));
        clock.advance(properties.halfLife());
        JsonNode quarter = read(npcId, tokens.player(gameId));

        assertPad(halfway.path("current"), 0.4, -0.3, 0.2, 1e-3);
        assertPad(quarter.path("current"), 0.2, -0.15, 0.1, 1e-3);
        assertThat(quarter.path("updated_at")).isEqualTo(halfway.path("updated_at"));
    }

    @Test
    void startsAgainFromANewEmotionalStateADesignerGives() throws Exception {
        UUID npcId = create(null, new EmotionalState(0.0, 0.0, 0.0));
        api.post("/api/npcs/" + npcId + "/appraisals", """
                {"event":"INSULT","intensity":1}""", tokens.designer(gameId));

        npcs.change(gameId, npcId, null, ChangeReason.DESIGNER_EDIT, "", null, strand -> withFeeling(strand,
                new EmotionalState(0.5, 0.5, 0.5)));

        assertPad(read(npcId, tokens.designer(gameId)).path("current"), 0.5, 0.5, 0.5, 1e-3);
    }

    @Test
    void keepsTheLiveStateWhenAnEditLeavesTheEmotionalStateAlone() throws Exception {
        UUID npcId = create(null, new EmotionalState(0.0, 0.0, 0.0));
        api.post("/api/npcs/" + npcId + "/appraisals", """
                {"event":"GIFT","intensity":1}""", tokens.designer(gameId));

        npcs.change(gameId, npcId, null, ChangeReason.DESIGNER_EDIT, "", null, strand -> withFeeling(strand,
                strand.emotionalState()));

        assertPad(read(npcId, tokens.designer(gameId)).path("current"), 0.40, 0.20, 0.10, 1e-3);
    }

    @Test
    void letsOnlyDesignersAndAdminsMoveFeelings() throws Exception {
        UUID npcId = create(null, new EmotionalState(0.0, 0.0, 0.0));
        String body = """
                {"event":"PRAISE","intensity":1}""";

        HttpResponse<String> byPlayer = api.post("/api/npcs/" + npcId + "/appraisals", body, tokens.player(gameId));
        HttpResponse<String> byAdmin = api.post("/api/npcs/" + npcId + "/appraisals", body, tokens.admin(gameId));

        assertThat(byPlayer.statusCode()).isEqualTo(403);
        assertThat(json.readTree(byPlayer.body()).path("code").stringValue()).isEqualTo("forbidden");
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertPad(read(npcId, tokens.player(gameId)).path("current"), 0.40, 0.30, 0.30, 1e-3);
    }

    @Test
    void hidesTheFeelingsOfAnotherGamesNpc() throws Exception {
        UUID npcId = create(null, null);
        UUID otherGame = UUID.randomUUID();

        HttpResponse<String> read = api.get("/api/npcs/" + npcId + "/emotional-state", tokens.player(otherGame));
        HttpResponse<String> appraised = api.post("/api/npcs/" + npcId + "/appraisals", """
                {"event":"PRAISE","intensity":1}""", tokens.designer(otherGame));

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(json.readTree(read.body()).path("code").stringValue()).isEqualTo("npc_not_found");
        assertThat(appraised.statusCode()).isEqualTo(404);
        assertPad(read(npcId, tokens.player(gameId)).path("current"), 0, 0, 0);
    }

    @Test
    void refusesInvalidAppraisalsChangingNothing() throws Exception {
        UUID npcId = create(null, new EmotionalState(0.1, 0.1, 0.1));
        String designer = tokens.designer(gameId);
        String path = "/api/npcs/" + npcId + "/appraisals";

        api.assertProblem(api.post(path, """
                {"event":"MESSAGE","intensity":1}""", designer), 400, "sentiment_required");
        api.assertProblem(api.post(path, """
                {"event":"PRAISE","intensity":1,"sentiment":0.5}""", designer), 400, "sentiment_not_applicable");
        api.assertProblem(api.post(path, """
                {"event":"PRAISE","intensity":1.5}""", designer), 400, "validation_failed");
        api.assertProblem(api.post(path, """
                {"event":"TICKLE","intensity":1}""", designer), 400, "malformed_request");
        api.assertProblem(api.post(path, """
                {"event":"MESSAGE","intensity":1,"sentiment":-2}""", designer), 400, "validation_failed");
        api.assertProblem(api.post(path, """
                {"event":"MESSAGE","intensity":1,"sentimnet":0.5}""", designer), 400, "malformed_request");

        assertPad(read(npcId, designer).path("current"), 0.1, 0.1, 0.1);
    }

    @Test
    void appraisesAMessageBySentiment() throws Exception {
        UUID npcId = create(null, new EmotionalState(0.0, 0.0, 0.0));

        HttpResponse<String> appraised = api.post("/api/npcs/" + npcId + "/appraisals", """
                {"event":"MESSAGE","intensity":1,"sentiment":-0.5}""", tokens.designer(gameId));

        JsonNode body = json.readTree(appraised.body());
        assertThat(body.path("sentiment").doubleValue()).isEqualTo(-0.5);
        // distress (-0.40, -0.20, -0.50) at half strength
        assertPad(body.path("delta"), -0.2, -0.1, -0.25);
    }

    private UUID create(@Nullable BigFive bigFive, @Nullable EmotionalState feeling) {
        LifeStrand strand = new LifeStrand("Mood " + UUID.randomUUID(), new Background(30, "tester", null, null),
                new Personality(List.of("patient"), null, null, bigFive, null, null), null, feeling, null, null, null,
                null, null, null, null, null, null, null);
        return npcs.create(gameId, null, strand, ChangeReason.CREATED, "").npcId();
    }

    private static LifeStrand withFeeling(LifeStrand strand, @Nullable EmotionalState feeling) {
        return new LifeStrand(strand.name(), strand.background(), strand.personality(), strand.currentStatus(), feeling,
                strand.relationships(), strand.knowledge(), strand.memories(), strand.goals(), strand.speechStyle(),
                strand.safety(), strand.modelSettings(), strand.avatarAssetId(), List.of("edited"),
                strand.extensions());
    }

    private JsonNode read(UUID npcId, String token) throws Exception {
        return api.read("/api/npcs/" + npcId + "/emotional-state", token);
    }

    private static void assertPad(JsonNode pad, double pleasure, double arousal, double dominance) {
        // a character's feelings drift even in the milliseconds between writing and reading them
        assertPad(pad, pleasure, arousal, dominance, 1e-4);
    }

    private static void assertPad(JsonNode pad, double pleasure, double arousal, double dominance, double tolerance) {
        assertThat(pad.path("pleasure").doubleValue()).as("pleasure of " + pad).isCloseTo(pleasure, within(tolerance));
        assertThat(pad.path("arousal").doubleValue()).as("arousal of " + pad).isCloseTo(arousal, within(tolerance));
        assertThat(pad.path("dominance").doubleValue()).as("dominance of " + pad).isCloseTo(dominance,
                within(tolerance));
    }
}
