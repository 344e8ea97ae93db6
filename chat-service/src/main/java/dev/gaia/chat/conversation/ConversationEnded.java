package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation ended ({@code conversation.ended}); memory-service turns it into memories.
 *
 * @param sessionId the conversation
 * @param npcId the NPC
 * @param userId the player
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param turnCount how many turns it had
 */
public record ConversationEnded(UUID sessionId, UUID npcId, UUID userId, Instant startedAt, Instant endedAt,
        long turnCount) {
}
