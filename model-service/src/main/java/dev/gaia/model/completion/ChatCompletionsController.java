package dev.gaia.model.completion;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;

import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.provider.UpstreamStream;
import dev.gaia.model.resilience.ProviderGuards;
import dev.gaia.model.routing.ModelRouter;
import dev.gaia.model.routing.Route;
import dev.gaia.model.routing.RoutePlan;
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
 * OpenAI's {@code POST /v1/chat/completions}, relayed to the provider the request routes to: a
 * role's models are tried in order until one starts its answer ({@link ModelRouter#firstAnswer}),
 * each through its provider's {@link ProviderGuards guards} (limits, circuit breaker, retries, timeouts).
 * Everything that can fail before the answer starts (routing, the provider's status) fails as a
 * problem; a streamed answer is then written event by event as the provider sends it. Every call
 * is {@link UsageRecorder recorded} once it has ended, and refused before any provider is called
 * when its game's budget is spent.
 */
@RestController
class ChatCompletionsController {

    private final ModelRouter router;
    private final ProviderGuards guards;
    private final UsageRecorder usage;
    private final JsonMapper jsonMapper;

    ChatCompletionsController(ModelRouter router, ProviderGuards guards, UsageRecorder usage, JsonMapper jsonMapper) {
        this.router = router;
        this.guards = guards;
        this.usage = usage;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    void complete(@Valid @RequestBody ChatCompletionRequest request,
            @RequestHeader(name = CallContext.NPC_HEADER, required = false) @Nullable String npcId,
            GaiaPrincipal caller, HttpServletResponse response) throws IOException {
        RoutePlan plan = router.plan(caller.gameId(), request.model(), request.fallbackModels());
        UUID npc = CallContext.npcIdFromHeader(npcId);
        if (request.streaming()) {
            Started<UpstreamStream> started = router.firstAnswer(plan, route -> start(caller, npc, plan, route, request,
                    () -> guards.stream(route, request.withModel(route.model()).withUsageReported())));
            try (ModelCallMeter meter = started.meter(); UpstreamStream upstream = started.answer()) {
                stream(request, upstream, meter, response);
            }
        }
        else {
            Started<JsonNode> started = router.firstAnswer(plan, route -> start(caller, npc, plan, route, request,
                    () -> guards.complete(route, request.withModel(route.model()))));
            try (ModelCallMeter meter = started.meter()) {
                answerWhole(started.answer(), meter, response);
            }
        }
    }

    /** A call whose answer has started, measured by its meter. */
    private record Started<T>(ModelCallMeter meter, T answer) {
    }

    /**
     * Calls one model of the plan: the call is measured from here, and recorded as failed when
     * the model fails before its answer starts (then the plan's next model may answer).
     */
    private <T> Started<T> start(GaiaPrincipal caller, @Nullable UUID npc, RoutePlan plan, Route route,
            ChatCompletionRequest request, Supplier<T> call) {
        ModelCallMeter meter = usage.start(CallContext.of(caller, npc, plan.role(), route.provider().name(),
                route.model()));
        meter.estimatePrompt(request.estimatedPromptTokens());
        try {
            return new Started<>(meter, call.get());
        }
        catch (ProblemException ex) {
            meter.failed(ex.code());
            throw ex;
        }
        catch (RuntimeException | Error ex) {
            meter.close();
            throw ex;
        }
    }

    private void answerWhole(JsonNode completion, ModelCallMeter meter, HttpServletResponse response)
            throws IOException {
        meter.tokens(TokenUsage.fromOpenAi(completion.path("usage")));
        String content = completion.at("/choices/0/message/content").stringValue("");
        meter.generated(Math.max(1, content.length() / ChatCompletionRequest.CHARACTERS_PER_TOKEN));
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

    private void stream(ChatCompletionRequest request, UpstreamStream upstream, ModelCallMeter meter,
            HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        // Tells a reverse proxy in front of the gateway not to buffer the stream either.
        response.setHeader("X-Accel-Buffering", "no");
        UsageTap tap = new UsageTap(meter, jsonMapper, request.usageRequested());
        switch (EventStreamRelay.relay(upstream.body(), response.getOutputStream(), tap, upstream::endedForSilence)) {
            case COMPLETE -> meter.succeeded();
            case CLIENT_WENT_AWAY -> meter.cancelled();
            case PROVIDER_BROKE_OFF -> meter.failed(EventStreamRelay.BROKEN_OFF_CODE);
            case PROVIDER_FELL_SILENT -> meter.failed(EventStreamRelay.FELL_SILENT_CODE);
        }
    }
}
