package dev.gaia.npc.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.gaia.npc.WebSliceSupport.as;
import static dev.gaia.npc.WebSliceSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest({ProposalController.class, ProposalSettingsController.class})
class ProposalControllerTests {

    private final UUID gameId = UUID.randomUUID();
    private final UUID npcId = UUID.randomUUID();
    private final UUID proposalId = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ProposalService proposals;

    @Test
    void answersANewProposalWithItsLocation() {
        given(proposals.submit(eq(gameId), eq(npcId), any(), any())).willReturn(pending());

        MvcTestResult result = mvc.post().uri("/api/npcs/" + npcId + "/proposals").with(as("designer", gameId))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"confidence":0.5,"evidence":[{"text":"said so"}],"changes":{"mood":"glum","pad_delta":{"p":-0.2}}}""")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/npcs/" + npcId + "/proposals/" + proposalId);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
        assertThat(result).bodyJson().extractingPath("$.changes.pad_delta.pleasure").isEqualTo(-0.2);
    }

    @Test
    void namesEveryInvalidFieldOfAProposal() {
        MvcTestResult result = mvc.post().uri("/api/npcs/" + npcId + "/proposals").with(as("admin", gameId))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"confidence":2,"changes":{"mood":" ","big_five_delta":{"openness":3},
                         "learned_knowledge":[{"text":""}]}}""")
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "validation_failed");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder(
                "confidence", "changes.mood", "changes.big_five_delta.openness", "changes.learned_knowledge[0].text");
        verifyNoInteractions(proposals);
    }

    @Test
    void approvesWithoutABody() {
        given(proposals.approve(eq(gameId), eq(npcId), eq(proposalId), any(), isNull())).willReturn(pending());

        MvcTestResult result = mvc.post().uri("/api/npcs/" + npcId + "/proposals/" + proposalId + "/approve")
                .with(as("designer", gameId)).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
    }

    @Test
    void refusesAnUnknownStatus() {
        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId + "/proposals?status=maybe")
                .with(as("designer", gameId)).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_status");
        verifyNoInteractions(proposals);
    }

    @Test
    void keepsPlayersOutOfProposalsAndSettings() {
        for (MvcTestResult result : List.of(
                mvc.get().uri("/api/npcs/" + npcId + "/proposals").with(as("player", gameId)).exchange(),
                mvc.post().uri("/api/npcs/" + npcId + "/proposals/" + proposalId + "/reject").with(as("player", gameId))
                        .exchange(),
                mvc.get().uri("/api/npcs/settings").with(as("player", gameId)).exchange())) {
            assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("forbidden");
        }
        verifyNoInteractions(proposals);
    }

    @Test
    void refusesSettingsOutOfRange() {
        MvcTestResult result = mvc.put().uri("/api/npcs/settings").with(as("admin", gameId))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"auto_approve_threshold":-0.1,"max_trait_step":1.1}""").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("auto_approve_threshold", "max_trait_step");
        verifyNoInteractions(proposals);
    }

    private ProposalResponse pending() {
        return new ProposalResponse(proposalId, npcId, ProposalStatus.PENDING, 0.5,
                List.of(new ProposalRequest.Evidence("said so", null)),
                new ProposalRequest.Changes("glum", new ProposalRequest.PadDelta(-0.2, null, null), null, null, null),
                null, Instant.now(), UUID.randomUUID(), null, null, null);
    }
}
