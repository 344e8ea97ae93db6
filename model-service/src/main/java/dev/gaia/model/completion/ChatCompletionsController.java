package dev.gaia.model.completion;

import java.io.IOException;

import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.provider.UpstreamStream;
import dev.gaia.model.routing.ModelRouter;
import dev.gaia.model.routing.Route;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's {@code POST /v1/chat/completions}, relayed to the provider the request routes to.
 * Everything that can fail before the answer starts (routing, the provider's status) fails as a
 * problem; a streamed answer is then written event by event as the provider sends it.
 */
@RestController
class ChatCompletionsController {

    private final ModelRouter router;
    private final JsonMapper jsonMapper;

    ChatCompletionsController(ModelRouter router, JsonMapper jsonMapper) {
        this.router = router;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    void complete(@Valid @RequestBody ChatCompletionRequest request, HttpServletResponse response)
            throws IOException {
        Route route = router.route(request.model());
        ChatCompletionRequest upstreamRequest = request.withModel(route.model());
        if (!request.streaming()) {
            JsonNode completion = route.provider().complete(upstreamRequest);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            jsonMapper.writeValue(response.getOutputStream(), completion);
            return;
        }
        try (UpstreamStream upstream = route.provider().stream(upstreamRequest)) {
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            // Tells a reverse proxy in front of the gateway not to buffer the stream either.
            response.setHeader("X-Accel-Buffering", "no");
            EventStreamRelay.relay(upstream.body(), response.getOutputStream());
        }
    }
}
