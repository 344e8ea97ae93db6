package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A conversation and everything said in it, in order.
 *
 * @param sessionId the conversation
 * @param npcId the NPC
 * @param userId the player
 * @param status {@code active} or {@code ended}
 * @param startedAt when it started
 * @param endedAt when it ended, if it has
 * @param messages the transcript, oldest first
 */
record ConversationTranscript(UUID sessionId, UUID npcId, UUID userId, ConversationStatus status, Instant startedAt,
        @Nullable Instant endedAt, List<TranscriptMessage> messages) {

    static ConversationTranscript of(Conversation conversation, List<Message> messages) {
        return new ConversationTranscript(conversation.getId(), conversation.getNpcId(), conversation.getUserId(),
                conversation.getStatus(), conversation.getStartedAt(), conversation.getEndedAt(),
                messages.stream().map(TranscriptMessage::of).toList());
    }

    /**
     * @param turnId the turn the message belongs to
     * @param role {@code user} (the player) or {@code assistant} (the NPC)
     * @param content what was said
     * @param createdAt when
     */
    record TranscriptMessage(UUID turnId, MessageRole role, String content, Instant createdAt) {

        static TranscriptMessage of(Message message) {
            return new TranscriptMessage(message.getTurnId(), message.getRole(), message.getContent(),
                    message.getCreatedAt());
        }
    }
}
