package dev.gaia.model.completion;

import dev.gaia.model.usage.ModelCallMeter;
import dev.gaia.model.usage.TokenUsage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what usage accounting needs from a streamed answer's chunks as they pass: when the
 * first generated token arrived, how many chunks followed (about a token each, the estimate a
 * call is costed by when the stream ends before its usage), and the usage chunk that ends it. Gaia always asks the
 * provider for that chunk; a client that did not ask for it does not get it. Chunks are parsed
 * only until the first token and when they carry usage, so relaying stays cheap.
 */
final class UsageTap implements EventStreamRelay.DataObserver {

    private final ModelCallMeter meter;
    private final JsonMapper jsonMapper;
    private final boolean clientWantsUsage;

    UsageTap(ModelCallMeter meter, JsonMapper jsonMapper, boolean clientWantsUsage) {
        this.meter = meter;
        this.jsonMapper = jsonMapper;
        this.clientWantsUsage = clientWantsUsage;
    }

    @Override
    public boolean forward(String data) {
        if (data.equals("[DONE]")) {
            return true;
        }
        boolean firstTokenPending = !meter.sawFirstToken();
        boolean mayCarryUsage = data.contains("\"usage\"");
        if (!firstTokenPending && !mayCarryUsage) {
            meter.generated(1);
            return true;
        }
        JsonNode chunk;
        try {
            chunk = jsonMapper.readTree(data);
        }
        catch (JacksonException ex) {
            return true;
        }
        if (carriesAToken(chunk)) {
            meter.firstToken();
            meter.generated(1);
        }
        JsonNode usage = chunk.path("usage");
        if (!usage.isObject()) {
            return true;
        }
        meter.tokens(TokenUsage.fromOpenAi(usage));
        // OpenAI's usage chunk has no choices; one that also carries a delta always goes on.
        return clientWantsUsage || !chunk.path("choices").isEmpty();
    }

    private static boolean carriesAToken(JsonNode chunk) {
        JsonNode delta = chunk.at("/choices/0/delta");
        JsonNode content = delta.path("content");
        return content.isString() && !content.stringValue().isEmpty() || delta.path("tool_calls").isArray();
    }
}
