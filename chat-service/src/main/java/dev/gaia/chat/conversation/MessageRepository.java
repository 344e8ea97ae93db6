package dev.gaia.chat.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The transcripts of record. */
public interface MessageRepository extends Repository<Message, UUID> {

    Message save(Message message);

    List<Message> findByGameIdAndConversationIdOrderBySeq(UUID gameId, UUID conversationId);

    /** The latest messages of a conversation, newest first. */
    List<Message> findByGameIdAndConversationIdOrderBySeqDesc(UUID gameId, UUID conversationId, Limit limit);

    long countByGameIdAndConversationIdAndRole(UUID gameId, UUID conversationId, MessageRole role);

    @Query("""
            select coalesce(max(m.seq), 0) from Message m
            where m.gameId = :gameId and m.conversationId = :conversationId""")
    int lastSeq(UUID gameId, UUID conversationId);
}
