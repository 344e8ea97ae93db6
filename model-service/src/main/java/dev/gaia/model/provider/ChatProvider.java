package dev.gaia.model.provider;

import dev.gaia.model.openai.ChatCompletionRequest;
import tools.jackson.databind.JsonNode;

/**
 * A provider that answers chat completions in OpenAI's format, whatever it speaks on the wire.
 * Failures before the first byte of an answer are {@link ProviderFailures problems}.
 */
public interface ChatProvider {

    /** The provider's name as a request's model names it: {@code openai}, {@code anthropic}, {@code ollama}. */
    String name();

    /** A chat completion answered whole ({@code stream} false), as OpenAI's {@code chat.completion}. */
    JsonNode complete(ChatCompletionRequest request);

    /**
     * A chat completion streamed as OpenAI's {@code chat.completion.chunk} server-sent events
     * ending in {@code data: [DONE]}. The caller reads the events from the returned stream and
     * closes it, which cancels the upstream request if it has not finished.
     */
    UpstreamStream stream(ChatCompletionRequest request);
}
