package dev.gaia.npc.emotion;

import java.util.stream.Stream;

import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AppraisalTests {

    private static final BigFive AVERAGE = bigFive(0.5, 0.5, 0.5, 0.5, 0.5);

    @ParameterizedTest(name = "{0} at intensity {1}, sentiment {2} -> ({3}, {4}, {5})")
    @CsvSource({
            // event,  intensity, sentiment, pleasure, arousal, dominance
            "PRAISE,   1.0,  0,     0.40,   0.30,   0.30",
            "INSULT,   1.0,  0,    -0.51,   0.59,   0.25",
            "GIFT,     1.0,  0,     0.40,   0.20,   0.10",
            "THREAT,   1.0,  0,    -0.64,   0.60,  -0.43",
            "HELP,     1.0,  0,     0.40,   0.20,  -0.30",
            "LOSS,     1.0,  0,    -0.40,  -0.20,  -0.50",
            "MESSAGE,  1.0,  1,     0.40,   0.20,   0.10",
            "MESSAGE,  1.0, -1,    -0.40,  -0.20,  -0.50",
            "MESSAGE,  1.0,  0,     0.00,   0.00,   0.00",
            "MESSAGE,  1.0,  0.5,   0.20,   0.10,   0.05",
            "PRAISE,   0.5,  0,     0.20,   0.15,   0.15",
            "THREAT,   0.25, 0,    -0.16,   0.15,  -0.1075",
            "LOSS,     0.0,  0,     0.00,   0.00,   0.00",
    })
    void turnsEachEventIntoItsEmotionForAnAveragePersonality(AppraisalEvent event, double intensity,
            double sentiment, double pleasure, double arousal, double dominance) {
        assertPad(Appraisal.delta(event, intensity, sentiment, AVERAGE), pleasure, arousal, dominance);
        assertPad(Appraisal.delta(event, intensity, sentiment, null), pleasure, arousal, dominance);
    }

    static Stream<Arguments> personalityExtremes() {
        return Stream.of(
                // neuroticism amplifies negative events, stability damps them
                arguments("anxious threatened", AppraisalEvent.THREAT, 0.0, bigFive(0.5, 0.5, 0.5, 0.5, 1.0),
                        new Pad(-0.96, 0.90, -0.645)),
                arguments("stable threatened", AppraisalEvent.THREAT, 0.0, bigFive(0.5, 0.5, 0.5, 0.5, 0.0),
                        new Pad(-0.32, 0.30, -0.215)),
                arguments("anxious grieving", AppraisalEvent.LOSS, 0.0, bigFive(0.5, 0.5, 0.5, 0.5, 1.0),
                        new Pad(-0.60, -0.30, -0.75)),
                arguments("anxious reading a harsh message", AppraisalEvent.MESSAGE, -1.0,
                        bigFive(0.5, 0.5, 0.5, 0.5, 1.0), new Pad(-0.60, -0.30, -0.75)),
                // neuroticism leaves positive events alone
                arguments("anxious praised", AppraisalEvent.PRAISE, 0.0, bigFive(0.5, 0.5, 0.5, 0.5, 1.0),
                        new Pad(0.40, 0.30, 0.30)),
                // agreeableness softens an insult, its lack sharpens it
                arguments("agreeable insulted", AppraisalEvent.INSULT, 0.0, bigFive(0.5, 0.5, 0.5, 1.0, 0.5),
                        new Pad(-0.255, 0.295, 0.125)),
                arguments("disagreeable insulted", AppraisalEvent.INSULT, 0.0, bigFive(0.5, 0.5, 0.5, 0.0, 0.5),
                        new Pad(-0.765, 0.885, 0.375)),
                // agreeableness plays no part in a threat
                arguments("agreeable threatened", AppraisalEvent.THREAT, 0.0, bigFive(0.5, 0.5, 0.5, 1.0, 0.5),
                        new Pad(-0.64, 0.60, -0.43)),
                // extraversion amplifies the pleasure of good things and the arousal of social ones
                arguments("extravert given a gift", AppraisalEvent.GIFT, 0.0, bigFive(0.5, 0.5, 1.0, 0.5, 0.5),
                        new Pad(0.60, 0.30, 0.10)),
                arguments("introvert given a gift", AppraisalEvent.GIFT, 0.0, bigFive(0.5, 0.5, 0.0, 0.5, 0.5),
                        new Pad(0.20, 0.10, 0.10)),
                arguments("extravert insulted", AppraisalEvent.INSULT, 0.0, bigFive(0.5, 0.5, 1.0, 0.5, 0.5),
                        new Pad(-0.51, 0.885, 0.25)),
                // a loss is not social: extraversion does not change its arousal
                arguments("extravert grieving", AppraisalEvent.LOSS, 0.0, bigFive(0.5, 0.5, 1.0, 0.5, 0.5),
                        new Pad(-0.40, -0.20, -0.50)),
                // openness and conscientiousness do not moderate appraisal
                arguments("open, conscientious helped", AppraisalEvent.HELP, 0.0, bigFive(1.0, 1.0, 0.5, 0.5, 0.5),
                        new Pad(0.40, 0.20, -0.30)),
                // everything that amplifies an insult at once is cut to the PAD cube
                arguments("anxious, disagreeable extravert insulted", AppraisalEvent.INSULT, 0.0,
                        bigFive(0.5, 0.5, 1.0, 0.0, 1.0), new Pad(-1.0, 1.0, 0.5625)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalityExtremes")
    void moderatesTheEmotionByPersonality(String who, AppraisalEvent event, double sentiment, BigFive personality,
            Pad expected) {
        assertPad(Appraisal.delta(event, 1.0, sentiment, personality), expected.pleasure(), expected.arousal(),
                expected.dominance());
    }

    @Test
    void isDeterministic() {
        BigFive personality = bigFive(0.3, 0.7, 0.9, 0.2, 0.8);

        assertThat(Appraisal.delta(AppraisalEvent.INSULT, 0.7, 0, personality))
                .isEqualTo(Appraisal.delta(AppraisalEvent.INSULT, 0.7, 0, personality));
    }

    @Test
    void keepsANewStateInsideThePadCube() {
        Pad elated = new Pad(0.9, 0.95, 0.9);

        Pad after = elated.plus(Appraisal.delta(AppraisalEvent.PRAISE, 1.0, 0, AVERAGE));

        assertPad(after, 1.0, 1.0, 1.0);
    }

    static void assertPad(Pad actual, double pleasure, double arousal, double dominance) {
        assertThat(actual.pleasure()).as("pleasure").isCloseTo(pleasure, within(1e-9));
        assertThat(actual.arousal()).as("arousal").isCloseTo(arousal, within(1e-9));
        assertThat(actual.dominance()).as("dominance").isCloseTo(dominance, within(1e-9));
    }

    static BigFive bigFive(double openness, double conscientiousness, double extraversion, double agreeableness,
            double neuroticism) {
        return new BigFive(openness, conscientiousness, extraversion, agreeableness, neuroticism);
    }
}
