package dev.gaia.npc.emotion;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * How a character felt when its feelings last moved, and the Life Strand {@code emotional_state}
 * this state was set from; read it through {@link EmotionalDrift}. Rows are created by
 * {@link NpcEmotionRepository#start}.
 */
@Entity
@Table(name = "npc_emotion")
class NpcEmotion {

    @Id
    @Column(name = "npc_id")
    private UUID npcId;

    @Column(name = "game_id", nullable = false, updatable = false)
    private UUID gameId;

    @Column(nullable = false)
    private double pleasure;

    @Column(nullable = false)
    private double arousal;

    @Column(nullable = false)
    private double dominance;

    // Only the repository's queries read the seed: they reset the state when the Life Strand's changes.
    @Column(name = "seed_pleasure", insertable = false, updatable = false)
    private @Nullable Double seedPleasure;

    @Column(name = "seed_arousal", insertable = false, updatable = false)
    private @Nullable Double seedArousal;

    @Column(name = "seed_dominance", insertable = false, updatable = false)
    private @Nullable Double seedDominance;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA only. */
    protected NpcEmotion() {
    }

    Pad stored() {
        return new Pad(pleasure, arousal, dominance);
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The feeling now is {@code state}. */
    void feel(Pad state, Instant now) {
        this.pleasure = state.pleasure();
        this.arousal = state.arousal();
        this.dominance = state.dominance();
        this.updatedAt = now;
    }
}
