package dev.gaia.npc.lifestrand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.gaia.npc.WebSliceSupport.as;
import static dev.gaia.npc.WebSliceSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(NpcController.class)
class NpcControllerTests {

    private static final Path SEED = Path.of("../seeds/npcs/elena-rodriguez.json");

    private final UUID gameId = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    NpcService npcs;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void createsAnNpcFromTheSeedUnchanged() throws Exception {
        UUID npcId = UUID.randomUUID();
        given(npcs.create(any(), any(), any(), eq(ChangeReason.CREATED), anyString(), eq(true)))
                .willReturn(view(npcId, 1));

        MvcTestResult result = create(Files.readString(SEED), as("designer", gameId));

        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/npcs/" + npcId)
                .hasHeader("ETag", "\"1\"");
        assertThat(result).bodyJson().extractingPath("$.npc_id").isEqualTo(npcId.toString());
    }

    @Test
    void letsAnAdminCreateToo() throws Exception {
        given(npcs.create(any(), any(), any(), any(), anyString(), anyBoolean())).willReturn(view(UUID.randomUUID(), 1));

        assertThat(create(Files.readString(SEED), as("admin", gameId))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void forbidsAPlayerToCreate() throws Exception {
        MvcTestResult result = create(Files.readString(SEED), as("player", gameId));

        assertProblem(result, HttpStatus.FORBIDDEN, "forbidden");
        verifyNoInteractions(npcs);
    }

    @Test
    void answersEveryInvalidFieldInTheProblem() {
        String invalid = """
                {"name":"","background":{"age":-1},
                 "personality":{"traits":["curious",""],"big_five":{"openness":1.5,"conscientiousness":0.5,
                   "extraversion":0.5,"agreeableness":0.5}},
                 "current_status":{"mood":"calm","health":101,"energy":50},
                 "relationships":{"Marcus Chen":42},
                 "knowledge":["%s"]}""".formatted("k".repeat(1001));

        MvcTestResult result = create(invalid, as("designer", gameId));

        assertProblem(result, HttpStatus.BAD_REQUEST, "validation_failed");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder(
                "name", "background.age", "personality.traits[1]", "personality.big_five.openness",
                "personality.big_five.neuroticism", "current_status.health", "relationships[Marcus Chen]",
                "knowledge[0].text");
        verifyNoInteractions(npcs);
    }

    @Test
    void requiresBackgroundAndPersonality() {
        MvcTestResult result = create("{\"name\":\"Bob\"}", as("designer", gameId));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("background", "personality");
    }

    @Test
    void rejectsAFieldItDoesNotKnow() {
        String typo = """
                {"name":"Bob","background":{},"personality":{"big_fve":{}}}""";

        MvcTestResult result = create(typo, as("designer", gameId));

        assertProblem(result, HttpStatus.BAD_REQUEST, "malformed_request");
        verifyNoInteractions(npcs);
    }

    @Test
    void rejectsAFractionWhereAWholeNumberBelongs() {
        String fraction = """
                {"name":"Bob","background":{},"personality":{},"current_status":{"health":85.5}}""";

        assertThat(create(fraction, as("designer", gameId))).hasStatus(HttpStatus.BAD_REQUEST);
        verifyNoInteractions(npcs);
    }

    @Test
    void answersAMalformedIdWithABadRequestProblem() {
        MvcTestResult result = mvc.get().uri("/api/npcs/not-a-uuid").with(as("player", gameId)).exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "invalid_parameter");
    }

    @Test
    void boundsThePageSize() {
        for (String limit : List.of("0", "101")) {
            MvcTestResult result = mvc.get().uri("/api/npcs?limit=" + limit).with(as("player", gameId)).exchange();

            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        }
        verifyNoInteractions(npcs);
    }

    @Test
    void answersAnUnknownNpcWithTheServicesProblem() {
        UUID npcId = UUID.randomUUID();
        given(npcs.read(any(), any())).willThrow(
                ProblemException.notFound("npc_not_found", "There is no NPC " + npcId));

        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId).with(as("player", gameId)).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://gaia.dev/problems/npc_not_found");
    }

    @Test
    void requiresAToken() {
        MvcTestResult result = mvc.get().uri("/api/npcs").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersANpcWithItsVersionAsAStrongETag() {
        UUID npcId = UUID.randomUUID();
        GaiaPrincipal designer = new GaiaPrincipal(UUID.randomUUID(), gameId, "dana", Set.of("designer"), "token");
        given(npcs.read(eq(npcId), any())).willReturn(NpcResponse.of(view(npcId, 7), false, designer, jsonMapper));

        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId).with(as("designer", gameId)).exchange();

        assertThat(result).hasStatus(HttpStatus.OK).hasHeader("ETag", "\"7\"");
        assertThat(result).bodyJson().extractingPath("$.version").isEqualTo(7);
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Bob");
        assertThat(result).bodyJson().extractingPath("$.visible_to_players").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.model_settings.chat_model").isEqualTo("bob-7b");
        assertThat(result).bodyJson().doesNotHavePath("$.life_strand");
    }

    @Test
    void leavesTheDesignerOnlyPartsOutOfAPlayersView() {
        UUID npcId = UUID.randomUUID();
        GaiaPrincipal player = new GaiaPrincipal(UUID.randomUUID(), gameId, "pat", Set.of("player"), "token");
        given(npcs.read(eq(npcId), any())).willReturn(NpcResponse.of(view(npcId, 2), true, player, jsonMapper));

        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId).with(as("player", gameId)).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Bob");
        assertThat(result).bodyJson().extractingPath("$.model_settings.chat_model").isEqualTo("bob-7b");
        for (String hidden : List.of("$.safety", "$.goals", "$.extensions",
                "$.visible_to_players")) {
            assertThat(result).bodyJson().doesNotHavePath(hidden);
        }
    }

    @Test
    void requiresIfMatchToReplace() {
        MvcTestResult result = mvc.put().uri("/api/npcs/" + UUID.randomUUID()).with(as("designer", gameId))
                .contentType(MediaType.APPLICATION_JSON).content(BOB).exchange();

        assertProblem(result, HttpStatus.PRECONDITION_REQUIRED, "precondition_required");
        verifyNoInteractions(npcs);
    }

    @Test
    void requiresIfMatchToPatch() {
        MvcTestResult result = mvc.patch().uri("/api/npcs/" + UUID.randomUUID()).with(as("designer", gameId))
                .contentType("application/merge-patch+json").content("{\"name\":\"Rob\"}").exchange();

        assertThat(result).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("precondition_required");
        verifyNoInteractions(npcs);
    }

    @Test
    void neverMatchesAWeakETag() {
        MvcTestResult result = mvc.put().uri("/api/npcs/" + UUID.randomUUID()).with(as("designer", gameId))
                .header("If-Match", "W/\"3\"").contentType(MediaType.APPLICATION_JSON).content(BOB).exchange();

        assertProblem(result, HttpStatus.PRECONDITION_FAILED, "npc_version_conflict");
        verifyNoInteractions(npcs);
    }

    @Test
    void answersAStaleIfMatchWithTheCurrentVersion() {
        UUID npcId = UUID.randomUUID();
        given(npcs.edit(eq(npcId), any(), anyString(), eq(3L), any()))
                .willThrow(NpcService.versionConflict(npcId, 4));

        MvcTestResult result = mvc.put().uri("/api/npcs/" + npcId).with(as("designer", gameId))
                .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content(BOB).exchange();

        assertThat(result).hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("npc_version_conflict");
        assertThat(result).bodyJson().extractingPath("$.current_version").isEqualTo(4);
    }

    @Test
    void overwritesWhateverIsCurrentWithAStar() {
        UUID npcId = UUID.randomUUID();
        GaiaPrincipal designer = new GaiaPrincipal(UUID.randomUUID(), gameId, "dana", Set.of("designer"), "token");
        given(npcs.edit(eq(npcId), any(), eq("fix typo"), isNull(), any()))
                .willReturn(NpcResponse.of(view(npcId, 5), true, designer, jsonMapper));

        MvcTestResult result = mvc.put().uri("/api/npcs/" + npcId).with(as("designer", gameId)).header("If-Match", "*")
                .header("X-Gaia-Change-Note", "fix typo")
                .contentType(MediaType.APPLICATION_JSON).content(BOB).exchange();

        assertThat(result).hasStatus(HttpStatus.OK).hasHeader("ETag", "\"5\"");
    }

    @Test
    void takesOnlyMergePatchesForPatch() {
        MvcTestResult result = mvc.patch().uri("/api/npcs/" + UUID.randomUUID()).with(as("designer", gameId))
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content("{}").exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("unsupported_media_type");
        verifyNoInteractions(npcs);
    }

    @Test
    void forbidsAPlayerToWrite() {
        UUID npcId = UUID.randomUUID();
        List<MvcTestResult> results = List.of(
                mvc.put().uri("/api/npcs/" + npcId).with(as("player", gameId)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(BOB).exchange(),
                mvc.patch().uri("/api/npcs/" + npcId).with(as("player", gameId)).header("If-Match", "\"1\"")
                        .contentType("application/merge-patch+json").content("{}").exchange(),
                mvc.delete().uri("/api/npcs/" + npcId).with(as("player", gameId)).exchange(),
                mvc.put().uri("/api/npcs/" + npcId + "/visibility").with(as("player", gameId))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"visible_to_players\":false}").exchange());

        for (MvcTestResult result : results) {
            assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("forbidden");
        }
        verifyNoInteractions(npcs);
    }

    @Test
    void boundsTheListFilters() {
        MvcTestResult result = mvc.get().uri("/api/npcs?name=" + "n".repeat(101)).with(as("player", gameId)).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        verifyNoInteractions(npcs);
    }

    private static final String BOB = """
            {"name":"Bob","background":{},"personality":{}}""";

    private NpcView view(UUID npcId, long version) {
        LifeStrand bob = new LifeStrand("Bob", new LifeStrand.Background(null, null, null, null),
                new LifeStrand.Personality(null, null, null, null, null, null), null, null, null, null, null,
                List.of(LifeStrand.Goal.of("find the key")), null,
                new LifeStrand.Safety(List.of("politics"), true, null), new LifeStrand.ModelSettings("bob-7b", 0.7),
                null, null, null);
        Instant now = Instant.now();
        return new NpcView(npcId, gameId, version, bob, now, now);
    }

    private MvcTestResult create(String body, JwtRequestPostProcessor caller) {
        return mvc.post().uri("/api/npcs").with(caller).contentType(MediaType.APPLICATION_JSON).content(body)
                .exchange();
    }
}
