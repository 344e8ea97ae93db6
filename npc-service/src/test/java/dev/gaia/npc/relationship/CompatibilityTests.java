package dev.gaia.npc.relationship;

import java.util.List;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.Background;
import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import dev.gaia.npc.lifestrand.LifeStrand.Personality;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompatibilityTests {

    private static final BigFive WARM_AND_CURIOUS = new BigFive(0.9, 0.8, 0.8, 0.9, 0.1);

    @Test
    void scoresTwinsWithEverythingInCommonNearOne() {
        LifeStrand elena = npc("Elena", WARM_AND_CURIOUS, List.of("curious", "kind"), List.of("discover ancient magic"),
                List.of("scholar"), "archaeologist", "Valdris");
        LifeStrand twin = npc("Ines", WARM_AND_CURIOUS, List.of("Curious", "kind"), List.of("Discover ancient magic"),
                List.of("scholar"), "Archaeologist", "valdris");

        Compatibility.Result result = Compatibility.between(elena, twin);

        // personality: 0.25 + 0.20 + 0.25 * 0.9 + 0.20 * 0.9 + 0.10 = 0.955; interests 1
        assertThat(result.score()).isCloseTo(0.6 * 0.955 + 0.4, within(1e-9));
        assertThat(result.reasons()).contains("Both are driven by: discover ancient magic.",
                "Both are curious and open to new ideas.", "Both are warm and cooperative.",
                "Both work as archaeologist.");
        assertThat(result.suggestedInteractions()).hasSizeLessThanOrEqualTo(Compatibility.MAX_SUGGESTIONS)
                .contains("Work together towards discover ancient magic");
    }

    @Test
    void scoresOppositesWithNothingInCommonLow() {
        LifeStrand dreamer = npc("Dreamer", new BigFive(1.0, 0.0, 1.0, 0.1, 0.9), List.of("impulsive"),
                List.of("fame"), List.of("bard"), "bard", "Port");
        LifeStrand clerk = npc("Clerk", new BigFive(0.0, 1.0, 0.0, 0.1, 0.9), List.of("careful"),
                List.of("order"), List.of("guild"), "clerk", "Capital");

        Compatibility.Result result = Compatibility.between(dreamer, clerk);

        // personality: 0 + 0 + 0.25 * 0.1 + 0.20 * 0.1 + 0.10 * 0.5 = 0.095; interests 0
        assertThat(result.score()).isCloseTo(0.6 * 0.095, within(1e-9));
        assertThat(result.reasons()).contains("One seeks the new, the other prefers the familiar.",
                "Their sense of order and duty differs widely.", "Neither is inclined to give way.",
                "Both are easily upset, which can make conflicts escalate.",
                "A talker and a listener: one outgoing, one reserved.");
        assertThat(result.suggestedInteractions())
                .contains("Start with a short, neutral encounter before anything that needs trust");
    }

    @Test
    void isTheSameScoreWhicheverComesFirst() {
        LifeStrand first = npc("A", new BigFive(0.2, 0.6, 0.7, 0.4, 0.3), List.of("brave", "loud"),
                List.of("gold"), List.of("mercenary"), "guard", "North");
        LifeStrand second = npc("B", new BigFive(0.7, 0.5, 0.2, 0.8, 0.6), List.of("loud"), List.of("gold", "peace"),
                List.of(), "guard", "South");

        assertThat(Compatibility.between(first, second).score())
                .isEqualTo(Compatibility.between(second, first).score());
    }

    @Test
    void comparesOnlyInterestsWithoutABigFive() {
        LifeStrand smith = npc("Smith", null, List.of("patient"), List.of("craft"), List.of("forge"), "smith", "Town");
        LifeStrand apprentice = npc("Apprentice", WARM_AND_CURIOUS, List.of("eager"), List.of("craft"), List.of(),
                "smith", "Town");

        Compatibility.Result result = Compatibility.between(smith, apprentice);

        // traits 0, motivations 1, tags 0 (one has none), same occupation, same location
        assertThat(result.score()).isCloseTo(0.3 + 0.1 + 0.1, within(1e-9));
        assertThat(result.reasons()).contains("Without a Big Five for both, only their interests are compared.");
        assertThat(result.score()).isBetween(0.0, 1.0);
    }

    private static LifeStrand npc(String name, @Nullable BigFive bigFive, List<String> traits,
            List<String> motivations, List<String> tags, String occupation, String location) {
        return new LifeStrand(name, new Background(30, occupation, location, null),
                new Personality(traits, motivations, List.of(), bigFive, List.of(), List.of()), null, null, null,
                null, null, null, null, null, null, null, tags, null);
    }
}
