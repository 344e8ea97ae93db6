package dev.gaia.chat.model;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One {@code data:} event of a streamed completion, with only the members chat-service reads.
 *
 * @param choices the delta of the reply; empty in the usage chunk
 * @param usage the token counts, in the last chunk when they were asked for
 * @param error what went wrong, when the server reports a failure inside the stream
 */
record ChatCompletionChunk(List<Choice> choices, @Nullable Usage usage, @Nullable JsonNode error) {

    ChatCompletionChunk {
        choices = choices == null ? List.of() : choices;
    }

    /** The piece of reply text this chunk carries, if any. */
    @Nullable String content() {
        return choices.isEmpty() || choices.getFirst().delta() == null ? null : choices.getFirst().delta().content();
    }

    /** Whether the model said it has finished its reply. */
    boolean finished() {
        return !choices.isEmpty() && choices.getFirst().finishReason() != null;
    }

    record Choice(@Nullable Delta delta, @Nullable String finishReason) {
    }

    record Delta(@Nullable String content) {
    }
}
