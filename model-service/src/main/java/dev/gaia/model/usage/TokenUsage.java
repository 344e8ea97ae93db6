package dev.gaia.model.usage;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The tokens a call consumed as the provider reported them. Both are {@code null} when the
 * provider reported nothing (a stream cut short, a server without usage): the call's row then
 * has no tokens, and its cost is estimated (see {@link ModelCallMeter#estimatePrompt(int)}).
 *
 * @param input prompt tokens
 * @param output generated tokens
 */
public record TokenUsage(@Nullable Integer input, @Nullable Integer output) {

    private static final TokenUsage UNKNOWN = new TokenUsage(null, null);
    private static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if ((input == null) != (output == null)) {
            throw new IllegalArgumentException("Token usage is known for both directions or for neither");
        }
        if (input != null && (input < 0 || output < 0)) {
            throw new IllegalArgumentException("Token counts cannot be negative");
        }
    }

    /** The provider reported nothing. */
    public static TokenUsage unknown() {
        return UNKNOWN;
    }

    /** Nothing was sent to a provider. */
    public static TokenUsage none() {
        return NONE;
    }

    public static TokenUsage of(int input, int output) {
        return new TokenUsage(input, output);
    }

    /**
     * The {@code usage} object of an OpenAI answer or final stream chunk
     * ({@code prompt_tokens}, {@code completion_tokens}); an embeddings answer has no
     * {@code completion_tokens}, which counts as none generated. Anything else is unknown.
     */
    public static TokenUsage fromOpenAi(JsonNode usage) {
        JsonNode prompt = usage.path("prompt_tokens");
        JsonNode completion = usage.path("completion_tokens");
        if (!prompt.canConvertToInt() || !prompt.isIntegralNumber()
                || !(completion.isMissingNode() || completion.isIntegralNumber() && completion.canConvertToInt())) {
            return UNKNOWN;
        }
        int output = completion.isMissingNode() ? 0 : completion.intValue();
        if (prompt.intValue() < 0 || output < 0) {
            return UNKNOWN;
        }
        return new TokenUsage(prompt.intValue(), output);
    }

    public boolean known() {
        return input != null;
    }
}
