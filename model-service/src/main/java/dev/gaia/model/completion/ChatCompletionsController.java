package dev.gaia.model.completion;

import java.io.IOException;

import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.provider.UpstreamStream;
import dev.gaia.model.routing.ModelRouter;
import dev.gaia.model.routing.Route;
import dev.gaia.model.usage.CallContext;
import dev.gaia.model.usage.ModelCallMeter;
import dev.gaia.model.usage.TokenUsage;
import dev.gaia.model.usage.UsageRecorder;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's {@code POST /v1/chat/completions}, relayed to the provider the request routes to.
 * Everything that can fail before the answer starts (routing, the provider's status) fails as a
 * problem; a streamed answer is then written event by event as the provider sends it. Every call
 * is {@link UsageRecorder recorded} once it has ended, and refused before any provider is called
 * when its game's budget is spent.
 */
@RestController
class ChatCompletionsController {

    private final ModelRouter router;
    private final UsageRecorder usage;
    private final JsonMapper jsonMapper;

    ChatCompletionsController(ModelRouter router, UsageRecorder usage, JsonMapper jsonMapper) {
        this.router = router;
        this.usage = usage;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    void complete(@Valid @RequestBody ChatCompletionRequest request,
            @RequestHeader(name = CallContext.NPC_HEADER, required = false) @Nullable String npcId,
            GaiaPrincipal caller, HttpServletResponse response) throws IOException {
        Route route = router.route(request.model());
        CallContext call = CallContext.of(caller, CallContext.npcIdFromHeader(npcId), roleOf(request),
                route.provider().name(), route.model());
        try (ModelCallMeter meter = usage.start(call)) {
            try {
                if (request.streaming()) {
                    stream(request, route, meter, response);
                }
                else {
                    answerWhole(request, route, meter, response);
                }
            }
            catch (ProblemException ex) {
                meter.failed(ex.code());
                throw ex;
            }
        }
    }

    private void answerWhole(ChatCompletionRequest request, Route route, ModelCallMeter meter,
            HttpServletResponse response) throws IOException {
        JsonNode completion = route.provider().complete(request.withModel(route.model()));
        meter.tokens(TokenUsage.fromOpenAi(completion.path("usage")));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            jsonMapper.writeValue(response.getOutputStream(), completion);
        }
        catch (JacksonException ex) {
            meter.cancelled();
            throw ex;
        }
        meter.succeeded();
    }

    private void stream(ChatCompletionRequest request, Route route, ModelCallMeter meter,
            HttpServletResponse response) throws IOException {
        try (UpstreamStream upstream = route.provider().stream(request.withModel(route.model()).withUsageReported())) {
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            // Tells a reverse proxy in front of the gateway not to buffer the stream either.
            response.setHeader("X-Accel-Buffering", "no");
            UsageTap tap = new UsageTap(meter, jsonMapper, request.usageRequested());
            switch (EventStreamRelay.relay(upstream.body(), response.getOutputStream(), tap)) {
                case COMPLETE -> meter.succeeded();
                case CLIENT_WENT_AWAY -> meter.cancelled();
                case PROVIDER_BROKE_OFF -> meter.failed(EventStreamRelay.BROKEN_OFF_CODE);
            }
        }
    }

    /** The role a request named: none when it named a model of its own. */
    private static @Nullable String roleOf(ChatCompletionRequest request) {
        String model = request.model();
        return model == null || model.isBlank() || model.strip().equals(ModelRouter.CHAT_ROLE) ? ModelRouter.CHAT_ROLE
                : null;
    }
}
