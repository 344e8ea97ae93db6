package dev.gaia.npc.relationship;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One recorded interaction of a relationship: how it went and what happened. */
@Entity
@Table(name = "relationship_interaction")
class RelationshipInteraction {

    @Id
    private UUID id;

    @Column(name = "game_id", nullable = false, updatable = false)
    private UUID gameId;

    @Column(name = "relationship_id", nullable = false, updatable = false)
    private UUID relationshipId;

    @Column(nullable = false, updatable = false)
    private double quality;

    @Column(nullable = false, updatable = false, length = 500)
    private String summary;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "recorded_by", updatable = false)
    private @Nullable UUID recordedBy;

    /** For JPA only. */
    protected RelationshipInteraction() {
    }

    RelationshipInteraction(UUID gameId, UUID relationshipId, double quality, String summary, Instant occurredAt,
            @Nullable UUID recordedBy) {
        this.id = UUID.randomUUID();
        this.gameId = gameId;
        this.relationshipId = relationshipId;
        this.quality = quality;
        this.summary = summary;
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.recordedBy = recordedBy;
    }

    InteractionResponse response() {
        return new InteractionResponse(quality, summary, occurredAt);
    }
}
