package dev.gaia.npc.relationship;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InteractionRuleTests {

    @ParameterizedTest(name = "quality {0} from {1}")
    @CsvSource({
            // quality, start (every score), trust, affinity, familiarity, respect
            " 1.0,  0.0,  0.10,   0.15,   0.10,  0.05",
            "-1.0,  0.0, -0.10,  -0.15,   0.10, -0.05",
            " 0.0,  0.0,  0.00,   0.00,   0.10,  0.00",
            " 0.5,  0.5,  0.525,  0.5375, 0.55,  0.5125",
            "-0.5,  0.5,  0.425,  0.3875, 0.55,  0.4625",
            " 1.0,  1.0,  1.00,   1.00,   1.00,  1.00",
            "-1.0, -1.0, -1.00,  -1.00,  -0.80, -1.00",
            "-1.0,  1.0,  0.80,   0.70,   1.00,  0.90",
    })
    void movesEachScoreAFractionOfTheWayLeft(double quality, double start, double trust, double affinity,
            double familiarity, double respect) {
        Scores after = InteractionRule.apply(new Scores(start, start, start, start), quality);

        assertThat(after.trust()).as("trust").isCloseTo(trust, within(1e-9));
        assertThat(after.affinity()).as("affinity").isCloseTo(affinity, within(1e-9));
        assertThat(after.familiarity()).as("familiarity").isCloseTo(familiarity, within(1e-9));
        assertThat(after.respect()).as("respect").isCloseTo(respect, within(1e-9));
    }

    @Test
    void neverLeavesTheBoundsHoweverManyInteractions() {
        Scores scores = new Scores(0.9, -0.9, 0.9, 0);
        for (int i = 0; i < 1_000; i++) {
            scores = InteractionRule.apply(scores, i % 3 == 0 ? -1 : 1);
            for (double score : new double[] {scores.trust(), scores.affinity(), scores.familiarity(),
                    scores.respect()}) {
                assertThat(score).isBetween(-1.0, 1.0);
            }
        }
    }
}
