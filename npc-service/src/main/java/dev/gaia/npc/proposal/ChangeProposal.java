package dev.gaia.npc.proposal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/**
 * A proposed change of a character: pending until applied or rejected, never both. Evidence,
 * changes and outcome are kept as the JSON the API speaks.
 */
@Entity
@Table(name = "change_proposal")
class ChangeProposal {

    @Id
    private UUID id;

    @Column(name = "game_id", nullable = false, updatable = false)
    private UUID gameId;

    @Column(name = "npc_id", nullable = false, updatable = false)
    private UUID npcId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ProposalStatus status;

    @Column(nullable = false, updatable = false)
    private double confidence;

    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    private String evidence;

    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    private String changes;

    @ColumnTransformer(write = "?::jsonb")
    @Column(columnDefinition = "jsonb")
    private @Nullable String outcome;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private @Nullable UUID createdBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decided_by")
    private @Nullable UUID decidedBy;

    @Column(name = "decision_note", length = 1000)
    private @Nullable String decisionNote;

    /** For JPA only. */
    protected ChangeProposal() {
    }

    ChangeProposal(UUID gameId, UUID npcId, double confidence, String evidence, String changes,
            @Nullable UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.gameId = gameId;
        this.npcId = npcId;
        this.status = ProposalStatus.PENDING;
        this.confidence = confidence;
        this.evidence = evidence;
        this.changes = changes;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.createdBy = createdBy;
    }

    /** Applied, by {@code decidedBy} or, when {@code null}, at once for its confidence. */
    void applied(String outcome, @Nullable UUID decidedBy, @Nullable String note, Instant now) {
        decide(ProposalStatus.APPLIED, decidedBy, note, now);
        this.outcome = outcome;
    }

    void rejected(UUID decidedBy, @Nullable String note, Instant now) {
        decide(ProposalStatus.REJECTED, decidedBy, note, now);
    }

    private void decide(ProposalStatus status, @Nullable UUID decidedBy, @Nullable String note, Instant now) {
        if (this.status != ProposalStatus.PENDING) {
            throw new IllegalStateException("Proposal " + id + " was decided already");
        }
        this.status = status;
        this.decidedBy = decidedBy;
        this.decisionNote = note;
        this.decidedAt = now.truncatedTo(ChronoUnit.MICROS);
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

    ProposalStatus status() {
        return status;
    }

    double confidence() {
        return confidence;
    }

    String evidence() {
        return evidence;
    }

    String changes() {
        return changes;
    }

    @Nullable String outcome() {
        return outcome;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable UUID createdBy() {
        return createdBy;
    }

    @Nullable Instant decidedAt() {
        return decidedAt;
    }

    @Nullable UUID decidedBy() {
        return decidedBy;
    }

    @Nullable String decisionNote() {
        return decisionNote;
    }
}
