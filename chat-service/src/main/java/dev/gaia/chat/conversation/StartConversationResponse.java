package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * @param sessionId the conversation, for its messages and its end
 * @param npcId the NPC
 * @param userId the player
 * @param startedAt when it started
 */
record StartConversationResponse(UUID sessionId, UUID npcId, UUID userId, Instant startedAt) {

    static StartConversationResponse of(Conversation conversation) {
        return new StartConversationResponse(conversation.getId(), conversation.getNpcId(), conversation.getUserId(),
                conversation.getStartedAt());
    }
}
