package dev.gaia.npc.relationship;

/**
 * How one side stands with the other, each from -1 to 1.
 *
 * @param trust how much they rely on the other
 * @param affinity how much they like the other
 * @param familiarity how well they know the other
 * @param respect how highly they think of the other
 */
public record Scores(double trust, double affinity, double familiarity, double respect) {

    /** Each value cut to -1..1. */
    public Scores clamped() {
        return new Scores(clamp(trust), clamp(affinity), clamp(familiarity), clamp(respect));
    }

    static double clamp(double value) {
        return Math.clamp(value, -1.0, 1.0);
    }
}
