package dev.gaia.npc.emotion;

import dev.gaia.npc.lifestrand.LifeStrand.EmotionalState;

/**
 * A feeling as a point in PAD space, or a change of one; each axis from -1 to 1.
 *
 * @param pleasure how pleasant (1) or unpleasant (-1)
 * @param arousal how excited (1) or calm (-1)
 * @param dominance how in control (1) or controlled (-1)
 */
public record Pad(double pleasure, double arousal, double dominance) {

    /** Neither pleasant nor unpleasant, neither excited nor calm, neither in control nor controlled. */
    public static final Pad NEUTRAL = new Pad(0, 0, 0);

    /** This point moved by {@code delta}, kept inside the PAD cube. */
    public Pad plus(Pad delta) {
        return new Pad(pleasure + delta.pleasure, arousal + delta.arousal, dominance + delta.dominance).clamped();
    }

    /** Each axis cut to -1..1. */
    public Pad clamped() {
        return new Pad(clamp(pleasure), clamp(arousal), clamp(dominance));
    }

    static Pad of(EmotionalState state) {
        return new Pad(state.pleasure(), state.arousal(), state.dominance()).clamped();
    }

    private static double clamp(double value) {
        return Math.clamp(value, -1.0, 1.0);
    }
}
