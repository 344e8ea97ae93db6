package dev.gaia.npc.emotion;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.gaia.npc.emotion.AppraisalTests.assertPad;

class EmotionalDriftTests {

    private static final Duration HALF_LIFE = Duration.ofHours(2);

    @ParameterizedTest(name = "after {0} a state of {1} with baseline {2} is {3}")
    @CsvSource({
            // elapsed, stored, baseline, expected (the same on each axis)
            "PT0S,    0.8,  0.0,  0.8",
            "PT2H,    0.8,  0.0,  0.4",
            "PT4H,    0.8,  0.0,  0.2",
            "PT6H,    0.8,  0.0,  0.1",
            "PT1H,    1.0,  0.0,  0.7071067811865476",
            "PT2H,   -0.6,  0.2, -0.2",
            "PT2H,    0.2,  0.2,  0.2",
            "PT8760H, 1.0, -0.3, -0.3",
            // a clock that went backwards changes nothing
            "-PT1H,   0.8,  0.0,  0.8",
    })
    void returnsToTheBaselineHalfwayInEachHalfLife(Duration elapsed, double stored, double baseline,
            double expected) {
        Pad drifted = EmotionalDrift.drift(new Pad(stored, stored, stored), new Pad(baseline, baseline, baseline),
                elapsed, HALF_LIFE);

        assertPad(drifted, expected, expected, expected);
    }
}
