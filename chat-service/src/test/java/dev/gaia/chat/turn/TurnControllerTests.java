package dev.gaia.chat.turn;

import java.util.List;
import java.util.UUID;

import dev.gaia.chat.config.ChatProperties;
import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

@WebMvcTest(TurnController.class)
@EnableConfigurationProperties(ChatProperties.class)
class TurnControllerTests {

    private static final UUID SESSION = UUID.randomUUID();
    private static final UUID TURN = UUID.randomUUID();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private TurnService turns;

    @Test
    void anEmptyMessageIsAValidationProblem() {
        assertThat(send(MediaType.APPLICATION_NDJSON, "{\"content\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"code":"validation_failed","errors":[{"field":"content"}]}
                        """);
    }

    @Test
    void aMessageOverFourThousandCharactersIsAValidationProblem() {
        assertThat(send(MediaType.APPLICATION_NDJSON, "{\"content\":\"" + "a".repeat(4001) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("content");
    }

    @Test
    void aMessageWithoutABodyIsABadRequestProblem() {
        assertThat(send(MediaType.TEXT_EVENT_STREAM, ""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("malformed_request");
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/x-ndjson", "text/event-stream" })
    void aRefusalBeforeTheReplyBeganIsAnsweredAsAProblem(String accept) {
        willThrow(ProblemException.unavailable("model_provider_not_configured",
                "No model provider is configured: set GAIA_OPENAI_BASE_URL and restart."))
                .given(turns).reply(any(), eq(SESSION), eq("Hi"), any());

        assertThat(send(MediaType.parseMediaType(accept), "{\"content\":\"Hi\"}"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status":503,"code":"model_provider_not_configured",
                         "detail":"No model provider is configured: set GAIA_OPENAI_BASE_URL and restart."}
                        """);
    }

    @Test
    void repliesAsNewlineDelimitedJsonByDefault() {
        replyWith("Hola");

        assertThat(mvc.post().uri("/api/conversations/{id}/message", SESSION).with(player())
                .contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"Hi\"}"))
                .hasStatus(HttpStatus.OK)
                .hasContentType(MediaType.APPLICATION_NDJSON)
                .hasBodyTextEqualTo("{\"token\":\"Hola\"}\n{\"done\":true,\"turn_id\":\"" + TURN
                        + "\",\"content\":\"Hola\"}\n");
    }

    @Test
    void repliesAsServerSentEventsWhenAskedTo() {
        replyWith("Hola");

        assertThat(send(MediaType.TEXT_EVENT_STREAM, "{\"content\":\"Hi\"}"))
                .hasStatus(HttpStatus.OK)
                .hasContentType(MediaType.TEXT_EVENT_STREAM)
                .hasBodyTextEqualTo("data: {\"token\":\"Hola\"}\n\ndata: {\"done\":true,\"turn_id\":\"" + TURN
                        + "\",\"content\":\"Hola\"}\n\n");
    }

    private void replyWith(String token) {
        willAnswer(invocation -> {
            ReplyStream reply = invocation.getArgument(3);
            reply.token(token);
            reply.done(TURN, token);
            return null;
        }).given(turns).reply(any(), eq(SESSION), eq("Hi"), any());
    }

    private MockMvcTester.MockMvcRequestBuilder send(MediaType accept, String body) {
        return mvc.post().uri("/api/conversations/{id}/message", SESSION).with(player())
                .accept(accept).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestPostProcessor player() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString())
                .claim("game_id", UUID.randomUUID().toString())
                .claim("roles", List.of("player"))
                .claim("name", "player"));
    }
}
