package dev.gaia.npc.emotion;

/**
 * Something that happened to a character in a conversation, as the OCC model of emotions sees
 * it, with the emotion it elicits and that emotion's place in PAD space (after Gebhard's ALMA,
 * 2005). A {@link #MESSAGE} carries a sentiment: joy when positive, distress when negative.
 */
public enum AppraisalEvent {

    /** Being praised: pride. */
    PRAISE(new Pad(0.40, 0.30, 0.30), Valence.POSITIVE, true),
    /** Being insulted: anger. */
    INSULT(new Pad(-0.51, 0.59, 0.25), Valence.NEGATIVE, true),
    /** Being given something: joy. */
    GIFT(new Pad(0.40, 0.20, 0.10), Valence.POSITIVE, true),
    /** Being threatened: fear. */
    THREAT(new Pad(-0.64, 0.60, -0.43), Valence.NEGATIVE, false),
    /** Being helped: gratitude. */
    HELP(new Pad(0.40, 0.20, -0.30), Valence.POSITIVE, true),
    /** Losing someone or something: distress. */
    LOSS(new Pad(-0.40, -0.20, -0.50), Valence.NEGATIVE, false),
    /** A message whose sentiment decides: joy when positive, distress when negative. */
    MESSAGE(new Pad(0.40, 0.20, 0.10), Valence.BY_SENTIMENT, true);

    /** Distress, what a negative message elicits. */
    static final Pad DISTRESS = LOSS.emotion;

    private final Pad emotion;
    private final Valence valence;
    private final boolean social;

    AppraisalEvent(Pad emotion, Valence valence, boolean social) {
        this.emotion = emotion;
        this.valence = valence;
        this.social = social;
    }

    /** The emotion at full intensity in a character of average personality. */
    Pad emotion() {
        return emotion;
    }

    Valence valence() {
        return valence;
    }

    /** Whether another person is the cause, so that sociability colours the reaction. */
    boolean social() {
        return social;
    }

    /** Whether the event is good or bad for the character. */
    enum Valence {
        POSITIVE, NEGATIVE, BY_SENTIMENT
    }
}
