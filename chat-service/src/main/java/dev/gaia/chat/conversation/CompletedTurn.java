package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A turn whose reply the NPC has finished.
 *
 * @param turnId the turn
 * @param userMessage what the player said
 * @param receivedAt when the player said it
 * @param reply the NPC's whole reply
 * @param promptTokens the prompt's tokens, when the model reported them
 * @param completionTokens the reply's tokens, when the model reported them
 */
public record CompletedTurn(UUID turnId, String userMessage, Instant receivedAt, String reply,
        @Nullable Integer promptTokens, @Nullable Integer completionTokens) {
}
