package dev.gaia.model.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request of OpenAI's Chat Completions API. The fields Gaia reads are typed and validated;
 * every other field (tools, response_format, seed, ...) is kept in {@code extensions} and sent
 * on to the provider as it came, so any OpenAI client works unchanged.
 *
 * @param model a model of the provider, or the role {@code chat}, or absent for the chat model
 * @param messages the conversation so far
 * @param stream whether to answer as server-sent events, one chunk per token
 * @param streamOptions options of a streamed answer, such as {@code include_usage}
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling mass, 0 to 1
 * @param maxTokens the most tokens to generate
 * @param stop a stop sequence or a list of them
 * @param models models or roles to try in order when {@code model} fails before its answer starts,
 *        as OpenRouter's {@code models} does (an NPC's own model falling back to {@code chat});
 *        Gaia's, never sent to a provider
 * @param extensions the request's other fields, forwarded unchanged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        @Nullable @Size(max = 256) String model,
        @NotEmpty @Size(max = 4096) List<@NotNull @Valid ChatMessage> messages,
        @Nullable Boolean stream,
        @Nullable @Valid StreamOptions streamOptions,
        @Nullable @DecimalMin("0") @DecimalMax("2") Double temperature,
        @Nullable @DecimalMin("0") @DecimalMax("1") Double topP,
        @Nullable @Positive Integer maxTokens,
        @Nullable JsonNode stop,
        @Nullable @Size(max = 8) List<@NotBlank @Size(max = 256) String> models,
        @JsonAnySetter @JsonAnyGetter @Size(max = 64) Map<String, JsonNode> extensions) {

    /** Characters per token, on average, in English text. */
    public static final int CHARACTERS_PER_TOKEN = 4;

    public ChatCompletionRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        models = models == null ? null : List.copyOf(models);
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** Whether the answer is to be streamed as server-sent events (OpenAI's default is not to). */
    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** Whether the caller asked for the chunk with the token usage at the end of a stream. */
    public boolean usageRequested() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    /** The same request asking the provider to end a stream with the token usage, which Gaia records. */
    public ChatCompletionRequest withUsageReported() {
        StreamOptions options = new StreamOptions(true, streamOptions == null ? Map.of() : streamOptions.extensions());
        return new ChatCompletionRequest(model, messages, stream, options, temperature, topP, maxTokens, stop,
                models, extensions);
    }

    /**
     * About how many tokens the messages are, at four characters a token (English text in
     * OpenAI's and Anthropic's tokenizers), for costing a call whose provider reports no usage.
     */
    public int estimatedPromptTokens() {
        long characters = messages.stream().mapToLong(message -> message.text().length()).sum();
        return (int) Math.min(Integer.MAX_VALUE, (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN);
    }

    /** The same request for the given model of the provider, without Gaia's own {@code models}. */
    public ChatCompletionRequest withModel(String providerModel) {
        return new ChatCompletionRequest(providerModel, messages, stream, streamOptions, temperature, topP,
                maxTokens, stop, null, extensions);
    }

    /** The models or roles to try after {@code model}; none unless the request names them. */
    public List<String> fallbackModels() {
        return models == null ? List.of() : models;
    }
}
