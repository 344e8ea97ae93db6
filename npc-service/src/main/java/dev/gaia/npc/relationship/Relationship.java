package dev.gaia.npc.relationship;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A relationship between a character ({@code npcId}) and another character or a player of the
 * same game. Between two characters it is one relationship, whichever side it is seen from.
 */
@Entity
@Table(name = "relationship")
class Relationship {

    @Id
    private UUID id;

    @Column(name = "game_id", nullable = false, updatable = false)
    private UUID gameId;

    @Column(name = "npc_id", nullable = false, updatable = false)
    private UUID npcId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false, updatable = false, length = 10)
    private TargetType targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    private UUID targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RelationshipType type;

    @Column(nullable = false)
    private double trust;

    @Column(nullable = false)
    private double affinity;

    @Column(nullable = false)
    private double familiarity;

    @Column(nullable = false)
    private double respect;

    @Column(length = 1000)
    private @Nullable String notes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA only. */
    protected Relationship() {
    }

    Relationship(UUID gameId, UUID npcId, TargetType targetType, UUID targetId, RelationshipType type, Scores scores,
            @Nullable String notes, Instant now) {
        this.id = UUID.randomUUID();
        this.gameId = gameId;
        this.npcId = npcId;
        this.targetType = targetType;
        this.targetId = targetId;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        describe(type, scores, notes, now);
    }

    /** The relationship is now of {@code type}, stands at {@code scores} and is described by {@code notes}. */
    void describe(RelationshipType type, Scores scores, @Nullable String notes, Instant now) {
        this.type = type;
        this.notes = notes;
        rescore(scores, now);
    }

    void retype(RelationshipType type, Instant now) {
        this.type = type;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    void rescore(Scores scores, Instant now) {
        Scores bounded = scores.clamped();
        this.trust = bounded.trust();
        this.affinity = bounded.affinity();
        this.familiarity = bounded.familiarity();
        this.respect = bounded.respect();
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** The end of this relationship that is not {@code npcId}. */
    Counterpart counterpartOf(UUID npcId) {
        if (targetType == TargetType.NPC && targetId.equals(npcId)) {
            return new Counterpart(TargetType.NPC, this.npcId);
        }
        return new Counterpart(targetType, targetId);
    }

    UUID id() {
        return id;
    }

    UUID gameId() {
        return gameId;
    }

    UUID npcId() {
        return npcId;
    }

    TargetType targetType() {
        return targetType;
    }

    UUID targetId() {
        return targetId;
    }

    RelationshipType type() {
        return type;
    }

    Scores scores() {
        return new Scores(trust, affinity, familiarity, respect);
    }

    @Nullable String notes() {
        return notes;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
