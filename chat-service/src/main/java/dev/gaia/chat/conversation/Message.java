package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation's transcript. A turn is two messages with the same turn id,
 * the player's and the NPC's reply, stored together once the reply is complete.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private @Nullable UUID id;

    private UUID gameId;

    private UUID conversationId;

    private UUID turnId;

    @Enumerated(EnumType.STRING)
    private MessageRole role;

    private String content;

    private Instant createdAt;

    /** The message's position in its conversation, from 1. */
    private int seq;

    Message(Conversation conversation, UUID turnId, MessageRole role, String content, Instant createdAt, int seq) {
        this.gameId = conversation.getGameId();
        this.conversationId = conversation.getId();
        this.turnId = turnId;
        this.role = role;
        this.content = content;
        this.createdAt = createdAt;
        this.seq = seq;
    }

    protected Message() {
        // for JPA
    }

    public UUID getTurnId() {
        return turnId;
    }

    public MessageRole getRole() {
        return role;
    }

    public String getContent() {
        return content;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getSeq() {
        return seq;
    }
}
