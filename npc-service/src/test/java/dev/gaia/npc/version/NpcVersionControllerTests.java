package dev.gaia.npc.version;

import java.util.List;
import java.util.UUID;

import dev.gaia.npc.lifestrand.NpcService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.gaia.npc.WebSliceSupport.as;
import static dev.gaia.npc.WebSliceSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(NpcVersionController.class)
class NpcVersionControllerTests {

    private final UUID gameId = UUID.randomUUID();
    private final UUID npcId = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    NpcVersionService versions;

    @Test
    void keepsTheHistoryFromPlayers() {
        for (String path : List.of("/versions", "/versions/1", "/versions/1/diff/2")) {
            MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId + path).with(as("player", gameId)).exchange();

            assertProblem(result, HttpStatus.FORBIDDEN, "forbidden");
        }
        MvcTestResult rollback = mvc.post().uri("/api/npcs/" + npcId + "/versions/1/rollback")
                .with(as("player", gameId)).header("If-Match", "\"1\"").exchange();
        assertThat(rollback).hasStatus(HttpStatus.FORBIDDEN);
        verifyNoInteractions(versions);
    }

    @Test
    void requiresIfMatchToRollBack() {
        MvcTestResult result = mvc.post().uri("/api/npcs/" + npcId + "/versions/1/rollback")
                .with(as("designer", gameId)).exchange();

        assertProblem(result, HttpStatus.PRECONDITION_REQUIRED, "precondition_required");
        verifyNoInteractions(versions);
    }

    @Test
    void answersARollbackFromAStaleVersionWithTheConflict() {
        given(versions.rollback(eq(npcId), eq(1L), eq(2L), any(), any()))
                .willThrow(NpcService.versionConflict(npcId, 3));

        MvcTestResult result = mvc.post().uri("/api/npcs/" + npcId + "/versions/1/rollback").with(as("admin", gameId))
                .header("If-Match", "\"2\"").exchange();

        assertThat(result).hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("npc_version_conflict");
        assertThat(result).bodyJson().extractingPath("$.current_version").isEqualTo(3);
    }

    @Test
    void refusesVersionNumbersBelowOne() {
        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId + "/versions/0/diff/2").with(as("designer", gameId))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        verifyNoInteractions(versions);
    }

    @Test
    void boundsThePageSize() {
        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId + "/versions?limit=101").with(as("designer", gameId))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        verifyNoInteractions(versions);
    }

    @Test
    void answersAVersionThatIsNoNumberWithABadRequest() {
        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId + "/versions/latest").with(as("designer", gameId))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_parameter");
        verifyNoInteractions(versions);
    }
}
