package dev.gaia.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A streamed request to {@code POST /v1/chat/completions}, in OpenAI's wire format.
 *
 * @param model a model id, or a role such as {@code chat} that model-service routes
 * @param messages the prompt
 * @param stream always {@code true}: replies are relayed token by token
 * @param streamOptions asks for the token counts in the stream's last chunk
 * @param temperature the sampling temperature, left out for the model's default
 * @param models what model-service tries, in order, when {@code model} fails before its answer
 *        starts; left out for none
 */
public record ChatCompletionRequest(String model, List<ChatMessage> messages, boolean stream,
        StreamOptions streamOptions, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double temperature,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> models) {

    /** The model role model-service routes to the game's chat model. */
    public static final String CHAT_ROLE = "chat";

    public ChatCompletionRequest {
        messages = List.copyOf(messages);
        models = models == null ? null : List.copyOf(models);
    }

    /** A streamed completion of {@code messages} by {@code model}, with token counts. */
    public static ChatCompletionRequest streaming(String model, List<ChatMessage> messages) {
        return streaming(model, messages, null);
    }

    /** A streamed completion of {@code messages} by {@code model} at {@code temperature}, with token counts. */
    public static ChatCompletionRequest streaming(String model, List<ChatMessage> messages,
            @Nullable Double temperature) {
        return new ChatCompletionRequest(model, messages, true, new StreamOptions(true), temperature, null);
    }

    /** The same request, answered by {@code models} in order when its own model fails before answering. */
    public ChatCompletionRequest fallingBackTo(String... models) {
        return new ChatCompletionRequest(model, messages, stream, streamOptions, temperature, List.of(models));
    }

    /** @param includeUsage whether the last chunk carries the token counts */
    public record StreamOptions(boolean includeUsage) {
    }
}
