package dev.gaia.chat.conversation;

import java.time.Instant;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A conversation between one player and one NPC of a game. */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private @Nullable UUID id;

    private UUID gameId;

    private UUID npcId;

    private UUID userId;

    private Instant startedAt;

    private @Nullable Instant endedAt;

    @Enumerated(EnumType.STRING)
    private ConversationStatus status;

    Conversation(UUID gameId, UUID npcId, UUID userId, Instant startedAt) {
        this.gameId = gameId;
        this.npcId = npcId;
        this.userId = userId;
        this.startedAt = startedAt;
        this.status = ConversationStatus.ACTIVE;
    }

    protected Conversation() {
        // for JPA
    }

    /** The player's own conversations are theirs; designers and admins of the game see every one. */
    boolean isAccessibleTo(GaiaPrincipal caller) {
        return gameId.equals(caller.gameId()) && (userId.equals(caller.userId()) || caller.isDesignerOrAdmin());
    }

    boolean isEnded() {
        return status == ConversationStatus.ENDED;
    }

    void end(Instant at) {
        if (isEnded()) {
            throw ended(getId());
        }
        status = ConversationStatus.ENDED;
        endedAt = at;
    }

    static ProblemException ended(UUID id) {
        return ProblemException.conflict("conversation_ended",
                "Conversation " + id + " has ended; start a new conversation to talk again.");
    }

    public UUID getId() {
        if (id == null) {
            throw new IllegalStateException("A conversation has an id once it is saved");
        }
        return id;
    }

    public UUID getGameId() {
        return gameId;
    }

    public UUID getNpcId() {
        return npcId;
    }

    public UUID getUserId() {
        return userId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public @Nullable Instant getEndedAt() {
        return endedAt;
    }

    public ConversationStatus getStatus() {
        return status;
    }
}
