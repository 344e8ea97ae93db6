package dev.gaia.npc.proposal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** How a game lets conversations change its characters; a game without a row has the defaults. */
@Entity
@Table(name = "npc_settings")
class ProposalSettings {

    /** Proposals this confident apply at once, as in the Life Strands seed. */
    static final double DEFAULT_AUTO_APPROVE_THRESHOLD = 0.8;

    /** No single proposal moves a Big Five trait further than this. */
    static final double DEFAULT_MAX_TRAIT_STEP = 0.05;

    @Id
    @Column(name = "game_id")
    private UUID gameId;

    @Column(name = "auto_approve_threshold", nullable = false)
    private double autoApproveThreshold;

    @Column(name = "max_trait_step", nullable = false)
    private double maxTraitStep;

    @Column(name = "updated_at", nullable = false)
    private @Nullable Instant updatedAt;

    @Column(name = "updated_by")
    private @Nullable UUID updatedBy;

    /** For JPA only. */
    protected ProposalSettings() {
    }

    private ProposalSettings(UUID gameId, double autoApproveThreshold, double maxTraitStep) {
        this.gameId = gameId;
        this.autoApproveThreshold = autoApproveThreshold;
        this.maxTraitStep = maxTraitStep;
    }

    /** The settings of a game that never changed them; not stored. */
    static ProposalSettings defaults(UUID gameId) {
        return new ProposalSettings(gameId, DEFAULT_AUTO_APPROVE_THRESHOLD, DEFAULT_MAX_TRAIT_STEP);
    }

    void change(double autoApproveThreshold, double maxTraitStep, UUID by, Instant now) {
        this.autoApproveThreshold = autoApproveThreshold;
        this.maxTraitStep = maxTraitStep;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    double autoApproveThreshold() {
        return autoApproveThreshold;
    }

    double maxTraitStep() {
        return maxTraitStep;
    }

    SettingsResponse response() {
        return new SettingsResponse(autoApproveThreshold, maxTraitStep, updatedAt);
    }
}
