package dev.gaia.npc.emotion;

import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import org.jspecify.annotations.Nullable;

/**
 * How much an event moves a character's feelings: the event's emotion ({@link AppraisalEvent})
 * scaled by the intensity, then moderated by personality, deterministic. With every trait at
 * 0.5 (or no Big Five) each factor below is 1 and the change is the emotion times the intensity.
 *
 * <ul>
 * <li>Negative events (insult, threat, loss, a message with negative sentiment): every axis times
 * {@code 0.5 + neuroticism} — the anxious feel bad things more, the stable less.</li>
 * <li>Positive events (praise, gift, help, a message with positive sentiment): pleasure times
 * {@code 0.5 + extraversion} — extraverts enjoy good things more.</li>
 * <li>An insult: every axis times {@code 1.5 - agreeableness} — the agreeable take it lightly.</li>
 * <li>Social events (everything but threat and loss): arousal times {@code 0.5 + extraversion}.</li>
 * </ul>
 * A message's emotion is joy times its sentiment when positive, distress times its magnitude when
 * negative, nothing when neutral. Each axis of the result is cut to -1..1.
 */
final class Appraisal {

    private static final double AVERAGE = 0.5;

    private Appraisal() {
    }

    /**
     * @param intensity how strong the event was, 0..1
     * @param sentiment for a {@link AppraisalEvent#MESSAGE}, -1..1; ignored otherwise
     */
    static Pad delta(AppraisalEvent event, double intensity, double sentiment, @Nullable BigFive bigFive) {
        double neuroticism = bigFive == null ? AVERAGE : bigFive.neuroticism();
        double extraversion = bigFive == null ? AVERAGE : bigFive.extraversion();
        double agreeableness = bigFive == null ? AVERAGE : bigFive.agreeableness();

        Pad emotion = event.emotion();
        double strength = intensity;
        boolean negative = event.valence() == AppraisalEvent.Valence.NEGATIVE;
        if (event.valence() == AppraisalEvent.Valence.BY_SENTIMENT) {
            negative = sentiment < 0;
            emotion = negative ? AppraisalEvent.DISTRESS : event.emotion();
            strength *= Math.abs(sentiment);
        }

        double all = strength;
        double pleasure = 1;
        double arousal = 1;
        if (negative) {
            all *= 0.5 + neuroticism;
        }
        else {
            pleasure *= 0.5 + extraversion;
        }
        if (event == AppraisalEvent.INSULT) {
            all *= 1.5 - agreeableness;
        }
        if (event.social()) {
            arousal *= 0.5 + extraversion;
        }
        return new Pad(emotion.pleasure() * all * pleasure, emotion.arousal() * all * arousal,
                emotion.dominance() * all).clamped();
    }
}
