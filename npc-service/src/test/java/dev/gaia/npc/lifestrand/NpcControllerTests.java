package dev.gaia.npc.lifestrand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

@WebMvcTest(NpcController.class)
class NpcControllerTests {

    private static final Path SEED = Path.of("../seeds/npcs/elena-rodriguez.json");

    private final UUID gameId = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    NpcService npcs;

    @Test
    void createsAnNpcFromTheSeedUnchanged() throws Exception {
        UUID npcId = UUID.randomUUID();
        given(npcs.create(any(), any())).willReturn(npcId);

        MvcTestResult result = create(Files.readString(SEED), as("designer"));

        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/npcs/" + npcId);
        assertThat(result).bodyJson().extractingPath("$.npc_id").isEqualTo(npcId.toString());
    }

    @Test
    void letsAnAdminCreateToo() throws Exception {
        given(npcs.create(any(), any())).willReturn(UUID.randomUUID());

        assertThat(create(Files.readString(SEED), as("admin"))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void forbidsAPlayerToCreate() throws Exception {
        MvcTestResult result = create(Files.readString(SEED), as("player"));

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("forbidden");
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

        MvcTestResult result = create(invalid, as("designer"));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("validation_failed");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder(
                "name", "background.age", "personality.traits[1]", "personality.big_five.openness",
                "personality.big_five.neuroticism", "current_status.health", "relationships[Marcus Chen]",
                "knowledge[0].text");
        verifyNoInteractions(npcs);
    }

    @Test
    void requiresBackgroundAndPersonality() {
        MvcTestResult result = create("{\"name\":\"Bob\"}", as("designer"));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("background", "personality");
    }

    @Test
    void rejectsAFieldItDoesNotKnow() {
        String typo = """
                {"name":"Bob","background":{},"personality":{"big_fve":{}}}""";

        MvcTestResult result = create(typo, as("designer"));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("malformed_request");
        verifyNoInteractions(npcs);
    }

    @Test
    void rejectsAFractionWhereAWholeNumberBelongs() {
        String fraction = """
                {"name":"Bob","background":{},"personality":{},"current_status":{"health":85.5}}""";

        assertThat(create(fraction, as("designer"))).hasStatus(HttpStatus.BAD_REQUEST);
        verifyNoInteractions(npcs);
    }

    @Test
    void answersAMalformedIdWithABadRequestProblem() {
        MvcTestResult result = mvc.get().uri("/api/npcs/not-a-uuid").with(as("player")).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_parameter");
    }

    @Test
    void boundsThePageSize() {
        for (String limit : List.of("0", "101")) {
            MvcTestResult result = mvc.get().uri("/api/npcs?limit=" + limit).with(as("player")).exchange();

            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        }
        verifyNoInteractions(npcs);
    }

    @Test
    void answersAnUnknownNpcWithTheServicesProblem() {
        UUID npcId = UUID.randomUUID();
        given(npcs.get(any(), any())).willThrow(
                ProblemException.notFound("npc_not_found", "There is no NPC " + npcId));

        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId).with(as("player")).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://gaia.dev/problems/npc_not_found");
    }

    @Test
    void requiresAToken() {
        MvcTestResult result = mvc.get().uri("/api/npcs").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult create(String body, JwtRequestPostProcessor caller) {
        return mvc.post().uri("/api/npcs").with(caller).contentType(MediaType.APPLICATION_JSON).content(body)
                .exchange();
    }

    private JwtRequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString())
                        .claim("game_id", gameId.toString())
                        .claim("name", role)
                        .claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()));
    }
}
