package dev.gaia.npc.emotion;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(EmotionController.class)
class EmotionControllerTests {

    private final UUID gameId = UUID.randomUUID();
    private final UUID npcId = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    EmotionService emotions;

    @Test
    void appraisesAMessageWithItsSentiment() {
        Pad delta = new Pad(0.2, 0.1, 0.05);
        EmotionalStateResponse state = new EmotionalStateResponse(npcId, delta, Pad.NEUTRAL, Instant.now(),
                Instant.now());
        given(emotions.appraise(eq(gameId), eq(npcId), eq(AppraisalEvent.MESSAGE), eq(1.0), eq(0.5)))
                .willReturn(new AppraisalResponse(AppraisalEvent.MESSAGE, 1.0, 0.5, delta, state));

        MvcTestResult result = appraise("""
                {"event":"message","intensity":1,"sentiment":0.5}""", as("designer", gameId));

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).bodyJson().extractingPath("$.delta.pleasure").isEqualTo(0.2);
        assertThat(result).bodyJson().extractingPath("$.state.current.dominance").isEqualTo(0.05);
    }

    @Test
    void forbidsAPlayerToMoveFeelings() {
        MvcTestResult result = appraise("""
                {"event":"PRAISE","intensity":1}""", as("player", gameId));

        assertProblem(result, HttpStatus.FORBIDDEN, "forbidden");
        verifyNoInteractions(emotions);
    }

    @Test
    void asksForTheSentimentOfAMessage() {
        MvcTestResult result = appraise("""
                {"event":"MESSAGE","intensity":1}""", as("admin", gameId));

        assertProblem(result, HttpStatus.BAD_REQUEST, "sentiment_required");
        verifyNoInteractions(emotions);
    }

    @Test
    void refusesASentimentForAnythingButAMessage() {
        MvcTestResult result = appraise("""
                {"event":"GIFT","intensity":1,"sentiment":1}""", as("designer", gameId));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("sentiment_not_applicable");
        verifyNoInteractions(emotions);
    }

    @Test
    void namesEveryInvalidField() {
        MvcTestResult result = appraise("""
                {"intensity":2,"sentiment":-3}""", as("designer", gameId));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("validation_failed");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field")
                .asArray().containsExactlyInAnyOrder("event", "intensity", "sentiment");
        verifyNoInteractions(emotions);
    }

    @Test
    void refusesAnUnknownField() {
        MvcTestResult result = appraise("""
                {"event":"PRAISE","intensity":1,"intensty":1}""", as("designer", gameId));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("malformed_request");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("intensty");
        verifyNoInteractions(emotions);
    }

    @Test
    void letsAPlayerReadFeelings() {
        given(emotions.read(any(), eq(npcId))).willReturn(new EmotionalStateResponse(npcId, new Pad(0.1, 0.2, 0.3),
                Pad.NEUTRAL, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z")));

        MvcTestResult result = mvc.get().uri("/api/npcs/" + npcId + "/emotional-state").with(as("player", gameId))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).bodyJson().extractingPath("$.current.arousal").isEqualTo(0.2);
        assertThat(result).bodyJson().extractingPath("$.updated_at").isEqualTo("2026-01-01T00:00:00Z");
    }

    private MvcTestResult appraise(String body, JwtRequestPostProcessor caller) {
        return mvc.post().uri("/api/npcs/" + npcId + "/appraisals").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
