package dev.gaia.chat.turn;

import java.util.UUID;

import dev.gaia.chat.config.ChatProperties;
import dev.gaia.shared.problem.ProblemDetails;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a player's message and streams the NPC's reply: newline-delimited JSON by default,
 * Server-Sent Events for {@code Accept: text/event-stream}. The reply is written straight to the
 * response on the request's own (virtual) thread, so no async timeout cuts a long reply short.
 */
@RestController
@RequestMapping("/api/conversations")
class TurnController {

    private final TurnService turns;
    private final JsonMapper json;
    private final ProblemDetails problems;
    private final ChatProperties properties;

    TurnController(TurnService turns, JsonMapper json, ProblemDetails problems, ChatProperties properties) {
        this.turns = turns;
        this.json = json;
        this.problems = problems;
        this.properties = properties;
    }

    @PostMapping("/{sessionId}/message")
    void message(GaiaPrincipal caller, @PathVariable UUID sessionId, @Valid @RequestBody SendMessageRequest request,
            HttpServletResponse response) {
        turns.reply(caller, sessionId, request.content(), stream(response, ReplyFormat.NDJSON));
    }

    @PostMapping(path = "/{sessionId}/message", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void messageAsEvents(GaiaPrincipal caller, @PathVariable UUID sessionId,
            @Valid @RequestBody SendMessageRequest request, HttpServletResponse response) {
        turns.reply(caller, sessionId, request.content(), stream(response, ReplyFormat.SSE));
    }

    private ReplyStream stream(HttpServletResponse response, ReplyFormat format) {
        return new ReplyStream(response, format, json, problems, properties.heartbeatInterval());
    }
}
