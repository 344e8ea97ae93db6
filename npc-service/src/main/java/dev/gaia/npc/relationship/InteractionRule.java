package dev.gaia.npc.relationship;

/**
 * How one interaction of quality {@code q} (-1..1) moves a relationship. Each score moves towards
 * 1 for a good interaction and towards -1 for a bad one, by a fraction of the distance left:
 * {@code x + k q (1 - x)} when {@code q >= 0}, {@code x + k q (1 + x)} when {@code q < 0}. So a
 * single interaction moves a score by at most {@code 2k}, never past the bounds, and ever less the
 * nearer it is to them. Every interaction, good or bad, makes the two more familiar.
 *
 * <table>
 * <caption>Step sizes</caption>
 * <tr><th>score</th><th>k</th></tr>
 * <tr><td>affinity</td><td>0.15, by the quality</td></tr>
 * <tr><td>trust</td><td>0.10, by the quality</td></tr>
 * <tr><td>respect</td><td>0.05, by the quality</td></tr>
 * <tr><td>familiarity</td><td>0.10, always towards 1</td></tr>
 * </table>
 */
final class InteractionRule {

    static final double AFFINITY_STEP = 0.15;
    static final double TRUST_STEP = 0.10;
    static final double RESPECT_STEP = 0.05;
    static final double FAMILIARITY_STEP = 0.10;

    private InteractionRule() {
    }

    static Scores apply(Scores scores, double quality) {
        return new Scores(
                towards(scores.trust(), TRUST_STEP * quality),
                towards(scores.affinity(), AFFINITY_STEP * quality),
                towards(scores.familiarity(), FAMILIARITY_STEP),
                towards(scores.respect(), RESPECT_STEP * quality)).clamped();
    }

    private static double towards(double value, double step) {
        return step >= 0 ? value + step * (1 - value) : value + step * (1 + value);
    }
}
