package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The NPC finished replying to a player's message ({@code conversation.turn}).
 *
 * @param sessionId the conversation
 * @param npcId the NPC
 * @param userId the player
 * @param turnId the turn
 * @param userMessage what the player said
 * @param reply what the NPC answered
 * @param promptTokens the prompt's tokens, when the model reported them
 * @param completionTokens the reply's tokens, when the model reported them
 * @param completedAt when the reply was complete
 */
public record ConversationTurnCompleted(UUID sessionId, UUID npcId, UUID userId, UUID turnId, String userMessage,
        String reply, @Nullable Integer promptTokens, @Nullable Integer completionTokens, Instant completedAt) {
}
