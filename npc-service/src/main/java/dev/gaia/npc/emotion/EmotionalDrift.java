package dev.gaia.npc.emotion;

import java.time.Duration;

/**
 * Feelings fade: left alone, a character's state returns to its baseline exponentially, halfway
 * in each half-life. {@code current = baseline + (stored - baseline) * 2^(-elapsed / halfLife)}
 * per axis; no time (or time running backwards, as a skewed clock may tell) changes nothing.
 */
final class EmotionalDrift {

    private EmotionalDrift() {
    }

    static Pad drift(Pad stored, Pad baseline, Duration elapsed, Duration halfLife) {
        if (elapsed.isNegative() || elapsed.isZero()) {
            return stored;
        }
        double remaining = Math.pow(2, -(seconds(elapsed) / seconds(halfLife)));
        return new Pad(
                baseline.pleasure() + (stored.pleasure() - baseline.pleasure()) * remaining,
                baseline.arousal() + (stored.arousal() - baseline.arousal()) * remaining,
                baseline.dominance() + (stored.dominance() - baseline.dominance()) * remaining).clamped();
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
