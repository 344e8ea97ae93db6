package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

@WebMvcTest(ConversationController.class)
class ConversationControllerTests {

    private static final UUID GAME = UUID.randomUUID();
    private static final UUID PLAYER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private ConversationService conversations;

    @Test
    void startsAConversationAndSaysWhereItIs() {
        UUID npc = UUID.randomUUID();
        Instant startedAt = Instant.parse("2025-11-21T17:00:00Z");
        given(conversations.start(any(), eq(new StartConversationRequest(npc, null))))
                .willReturn(new StartConversationResponse(SESSION, npc, PLAYER, startedAt));

        assertThat(mvc.post().uri("/api/conversations/start").with(player())
                .contentType(MediaType.APPLICATION_JSON).content("{\"npc_id\":\"" + npc + "\"}"))
                .hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/conversations/" + SESSION)
                .bodyJson().isLenientlyEqualTo("""
                        {"session_id":"%s","npc_id":"%s","user_id":"%s","started_at":"2025-11-21T17:00:00Z"}
                        """.formatted(SESSION, npc, PLAYER));
    }

    @Test
    void startingWithoutAnNpcIsAValidationProblem() {
        assertThat(mvc.post().uri("/api/conversations/start").with(player())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user_id\":\"" + PLAYER + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type":"https://gaia.dev/problems/validation_failed","status":400,
                         "code":"validation_failed","errors":[{"field":"npc_id"}]}
                        """);
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        assertThat(mvc.post().uri("/api/conversations/start").with(player())
                .contentType(MediaType.APPLICATION_JSON).content("{\"npc_id\": "))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("malformed_request");
    }

    @Test
    void anUnknownConversationIsANotFoundProblem() {
        given(conversations.transcript(any(), eq(SESSION)))
                .willThrow(ProblemException.notFound("conversation_not_found",
                        "There is no conversation " + SESSION + "."));

        assertThat(mvc.get().uri("/api/conversations/{id}", SESSION).with(player()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type":"https://gaia.dev/problems/conversation_not_found","title":"Not Found","status":404,
                         "detail":"There is no conversation %s.","code":"conversation_not_found"}
                        """.formatted(SESSION));
    }

    @Test
    void aSessionIdThatIsNoUuidIsABadRequestProblem() {
        assertThat(mvc.get().uri("/api/conversations/not-a-session").with(player()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("invalid_parameter");
    }

    @Test
    void endingAnEndedConversationIsAConflictProblem() {
        given(conversations.end(any(), eq(SESSION)))
                .willThrow(Conversation.ended(SESSION));

        assertThat(mvc.post().uri("/api/conversations/{id}/end", SESSION).with(player()))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("conversation_ended");
    }

    @Test
    void theTranscriptListsEveryMessageInOrder() {
        UUID npc = UUID.randomUUID();
        UUID turn = UUID.randomUUID();
        Instant at = Instant.parse("2025-11-21T17:00:00Z");
        given(conversations.transcript(any(), eq(SESSION))).willReturn(new ConversationTranscript(SESSION, npc, PLAYER,
                ConversationStatus.ACTIVE, at, null, List.of(
                        new ConversationTranscript.TranscriptMessage(turn, MessageRole.USER, "Hi", at),
                        new ConversationTranscript.TranscriptMessage(turn, MessageRole.ASSISTANT, "Hola", at))));

        assertThat(mvc.get().uri("/api/conversations/{id}", SESSION).with(player()))
                .hasStatus(HttpStatus.OK)
                .bodyJson().isLenientlyEqualTo("""
                        {"session_id":"%s","status":"active","ended_at":null,
                         "messages":[{"turn_id":"%s","role":"user","content":"Hi"},
                                     {"turn_id":"%s","role":"assistant","content":"Hola"}]}
                        """.formatted(SESSION, turn, turn));
    }

    @Test
    void withoutATokenItIsAnUnauthorizedProblem() {
        assertThat(mvc.get().uri("/api/conversations/{id}", SESSION))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("unauthorized");
    }

    private static RequestPostProcessor player() {
        return jwt().jwt(token -> token.subject(PLAYER.toString())
                .claim("game_id", GAME.toString())
                .claim("roles", List.of("player"))
                .claim("name", "player"));
    }
}
