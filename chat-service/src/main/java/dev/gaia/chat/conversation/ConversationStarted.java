package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A player started a conversation with an NPC ({@code conversation.started}).
 *
 * @param sessionId the conversation
 * @param npcId the NPC
 * @param userId the player
 * @param startedAt when
 */
public record ConversationStarted(UUID sessionId, UUID npcId, UUID userId, Instant startedAt) {
}
