package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * @param sessionId the conversation
 * @param endedAt when it ended
 * @param turnCount how many turns (a message and its reply) it had
 */
record EndConversationResponse(UUID sessionId, Instant endedAt, long turnCount) {
}
