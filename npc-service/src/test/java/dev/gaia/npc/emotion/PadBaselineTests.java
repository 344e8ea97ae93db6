package dev.gaia.npc.emotion;

import java.util.stream.Stream;

import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.gaia.npc.emotion.AppraisalTests.assertPad;
import static dev.gaia.npc.emotion.AppraisalTests.bigFive;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PadBaselineTests {

    static Stream<Arguments> temperaments() {
        return Stream.of(
                arguments("every trait average", bigFive(0.5, 0.5, 0.5, 0.5, 0.5), new Pad(0, 0, 0)),
                // high agreeableness: pleasant, a little aroused, less dominant
                arguments("agreeable", bigFive(0.5, 0.5, 0.5, 1.0, 0.5), new Pad(0.59, 0.30, -0.32)),
                // high extraversion: pleasant and dominant
                arguments("extravert", bigFive(0.5, 0.5, 1.0, 0.5, 0.5), new Pad(0.21, 0, 0.60)),
                // high neuroticism is low stability: unpleasant and aroused
                arguments("anxious", bigFive(0.5, 0.5, 0.5, 0.5, 1.0), new Pad(-0.19, 0.57, 0)),
                arguments("calm", bigFive(0.5, 0.5, 0.5, 0.5, 0.0), new Pad(0.19, -0.57, 0)),
                arguments("open", bigFive(1.0, 0.5, 0.5, 0.5, 0.5), new Pad(0, 0.15, 0.25)),
                arguments("conscientious", bigFive(0.5, 1.0, 0.5, 0.5, 0.5), new Pad(0, 0, 0.17)),
                // 0.15 + 0.30 + 0.57 = 1.02 and 0.25 + 0.17 + 0.60 + 0.32 = 1.34: cut to the cube
                arguments("every trait at its lowest", bigFive(0, 0, 0, 0, 0), new Pad(-0.61, -1.0, -0.70)),
                arguments("open, agreeable and anxious", bigFive(1.0, 0.5, 0.5, 1.0, 1.0), new Pad(0.40, 1.0, -0.07)),
                arguments("open, conscientious, extravert, disagreeable", bigFive(1.0, 1.0, 1.0, 0.0, 0.5),
                        new Pad(-0.38, -0.15, 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("temperaments")
    void derivesTheBaselineFromTheBigFiveAfterMehrabian(String who, BigFive personality, Pad expected) {
        assertPad(PadBaseline.of(personality), expected.pleasure(), expected.arousal(), expected.dominance());
    }

    @Test
    void isNeutralWithoutABigFive() {
        assertPad(PadBaseline.of(null), 0, 0, 0);
    }
}
