package dev.gaia.npc.emotion;

import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import org.jspecify.annotations.Nullable;

/**
 * The feeling a character returns to when nothing happens: its temperament in PAD space, from
 * its Big Five after Mehrabian (1996), "Analysis of the Big-Five personality factors in terms of
 * the PAD temperament model", Australian Journal of Psychology 48(2).
 *
 * <p>Each trait is rescaled from 0..1 to -1..1 ({@code x' = 2x - 1}); emotional stability is the
 * opposite of neuroticism ({@code S = -N'}). Then
 * <pre>
 * pleasure  = 0.21 E' + 0.59 A' + 0.19 S
 * arousal   = 0.15 O' + 0.30 A' - 0.57 S
 * dominance = 0.25 O' + 0.17 C' + 0.60 E' - 0.32 A'
 * </pre>
 * each cut to -1..1. A character without a Big Five has the neutral baseline (0, 0, 0), which is
 * also what the formula gives for every trait at 0.5.
 */
final class PadBaseline {

    private PadBaseline() {
    }

    static Pad of(@Nullable BigFive bigFive) {
        if (bigFive == null) {
            return Pad.NEUTRAL;
        }
        double o = rescale(bigFive.openness());
        double c = rescale(bigFive.conscientiousness());
        double e = rescale(bigFive.extraversion());
        double a = rescale(bigFive.agreeableness());
        double stability = -rescale(bigFive.neuroticism());
        return new Pad(
                0.21 * e + 0.59 * a + 0.19 * stability,
                0.15 * o + 0.30 * a - 0.57 * stability,
                0.25 * o + 0.17 * c + 0.60 * e - 0.32 * a).clamped();
    }

    private static double rescale(double trait) {
        return 2 * trait - 1;
    }
}
