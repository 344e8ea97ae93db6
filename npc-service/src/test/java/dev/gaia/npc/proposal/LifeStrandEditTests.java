package dev.gaia.npc.proposal;

import java.util.ArrayList;
import java.util.List;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.Background;
import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import dev.gaia.npc.lifestrand.LifeStrand.CurrentStatus;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeFact;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeScope;
import dev.gaia.npc.lifestrand.LifeStrand.Personality;
import dev.gaia.npc.proposal.ProposalOutcome.ClampedTrait;
import dev.gaia.npc.proposal.ProposalRequest.BigFiveDelta;
import dev.gaia.npc.proposal.ProposalRequest.Changes;
import dev.gaia.npc.proposal.ProposalRequest.LearnedFact;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LifeStrandEditTests {

    private static final double STEP = 0.05;

    @ParameterizedTest(name = "openness {0} asked to move {1} ends at {2}")
    @CsvSource({
            // start, requested, expected, clamped
            "0.50,  0.03, 0.53, false",
            "0.50,  0.05, 0.55, false",
            "0.50,  0.30, 0.55, true",
            "0.50, -0.30, 0.45, true",
            "0.98,  0.05, 1.00, true",
            "0.01, -0.04, 0.00, true",
            "0.50,  0.00, 0.50, false",
    })
    void neverMovesATraitFurtherThanTheStep(double start, double requested, double expected, boolean clamped) {
        LifeStrand before = npc(new BigFive(start, 0.5, 0.5, 0.5, 0.5), null, List.of());
        Changes changes = changes(null, new BigFiveDelta(requested, 0.0, 0.0, 0.0, 0.0), List.of());

        LifeStrandEdit.Result result = LifeStrandEdit.apply(before, changes, STEP, "proposal:1");

        assertThat(result.lifeStrand().personality().bigFive().openness()).isCloseTo(expected, within(1e-9));
        assertThat(result.lifeStrand().personality().bigFive().conscientiousness()).isEqualTo(0.5);
        if (clamped) {
            assertThat(result.outcome().clampedTraits()).singleElement().satisfies(trait -> {
                assertThat(trait.trait()).isEqualTo("openness");
                assertThat(trait.requested()).isEqualTo(requested);
                assertThat(trait.applied()).isCloseTo(expected - start, within(1e-9));
            });
        }
        else {
            assertThat(result.outcome().clampedTraits()).isEmpty();
        }
    }

    @Test
    void reportsEveryClampedTrait() {
        LifeStrand before = npc(new BigFive(0.5, 0.5, 0.5, 0.5, 0.5), null, List.of());
        Changes changes = changes(null, new BigFiveDelta(0.1, -0.2, 0.01, 0.0, 1.0), List.of());

        LifeStrandEdit.Result result = LifeStrandEdit.apply(before, changes, STEP, "proposal:1");

        assertThat(result.outcome().clampedTraits()).extracting(ClampedTrait::trait)
                .containsExactly("openness", "conscientiousness", "neuroticism");
        BigFive after = result.lifeStrand().personality().bigFive();
        assertThat(after.extraversion()).isCloseTo(0.51, within(1e-9));
        assertThat(after.neuroticism()).isCloseTo(0.55, within(1e-9));
    }

    @Test
    void leavesOutADriftOfACharacterWithoutABigFive() {
        LifeStrand before = npc(null, null, List.of());

        LifeStrandEdit.Result result = LifeStrandEdit.apply(before,
                changes(null, new BigFiveDelta(0.1, 0.0, 0.0, 0.0, 0.0), List.of()), STEP, "proposal:1");

        assertThat(result.lifeStrand().personality().bigFive()).isNull();
        assertThat(result.outcome().notes()).singleElement().asString().contains("no Big Five");
    }

    @Test
    void setsTheMoodKeepingTheRestOfTheStatus() {
        LifeStrand before = npc(null, new CurrentStatus("calm", 80, 60, "library", "reading"), List.of());

        LifeStrand after = LifeStrandEdit.apply(before, changes("wary", null, List.of()), STEP, "p").lifeStrand();

        assertThat(after.currentStatus()).isEqualTo(new CurrentStatus("wary", 80, 60, "library", "reading"));
        assertThat(LifeStrandEdit.apply(npc(null, null, List.of()), changes("wary", null, List.of()), STEP, "p")
                .lifeStrand().currentStatus()).isEqualTo(new CurrentStatus("wary", null, null, null, null));
    }

    @Test
    void learnsNewFactsOnceWithTheirSource() {
        LifeStrand before = npc(null, null, List.of(KnowledgeFact.of("The mine is flooded")));
        Changes changes = changes(null, null, List.of(
                new LearnedFact("the mine is flooded ", null, null),
                new LearnedFact("The player is a healer", null, 0.7),
                new LearnedFact("The king is dead", KnowledgeScope.COMMON, null)));

        LifeStrandEdit.Result result = LifeStrandEdit.apply(before, changes, STEP, "conversation:42");

        assertThat(result.lifeStrand().knowledge()).containsExactly(
                KnowledgeFact.of("The mine is flooded"),
                new KnowledgeFact("The player is a healer", "conversation:42", 0.7, KnowledgeScope.PERSONAL, List.of()),
                new KnowledgeFact("The king is dead", "conversation:42", null, KnowledgeScope.COMMON, List.of()));
        assertThat(result.outcome().notes()).singleElement().asString().contains("the mine is flooded");
    }

    @Test
    void forgetsTheOldestLearnedFactWhenKnowledgeIsFullButNeverADesignersFact() {
        List<KnowledgeFact> full = new ArrayList<>();
        full.add(KnowledgeFact.of("The mine is flooded"));
        full.add(new KnowledgeFact("The player likes ale", "conversation:1", null, KnowledgeScope.PERSONAL, List.of()));
        while (full.size() < LifeStrand.MAX_KNOWLEDGE) {
            full.add(KnowledgeFact.of("Designer fact " + full.size()));
        }
        Changes learn = changes(null, null, List.of(new LearnedFact("The player is a healer", null, null)));

        LifeStrandEdit.Result once = LifeStrandEdit.apply(npc(null, null, full), learn, STEP, "conversation:2");
        LifeStrandEdit.Result again = LifeStrandEdit.apply(once.lifeStrand(),
                changes(null, null, List.of(new LearnedFact("The player owns a boat", null, null))), STEP,
                "conversation:3");

        assertThat(once.lifeStrand().knowledge()).hasSize(LifeStrand.MAX_KNOWLEDGE)
                .extracting(KnowledgeFact::text).contains("The mine is flooded", "The player is a healer")
                .doesNotContain("The player likes ale");
        assertThat(once.outcome().notes()).singleElement().asString().contains("Forgotten", "The player likes ale");
        assertThat(again.lifeStrand().knowledge()).extracting(KnowledgeFact::text)
                .doesNotContain("The player is a healer").contains("The player owns a boat");
        LifeStrand designersOnly = npc(null, null, full.stream().filter(fact -> fact.source() == null).toList());
        List<KnowledgeFact> stillFull = new ArrayList<>(designersOnly.knowledge());
        stillFull.add(KnowledgeFact.of("One more designer fact"));
        LifeStrandEdit.Result refused = LifeStrandEdit.apply(npc(null, null, stillFull), learn, STEP, "conversation:4");
        assertThat(refused.lifeStrand().knowledge()).isEqualTo(stillFull);
        assertThat(refused.outcome().notes()).singleElement().asString().contains("Knowledge is full");
    }

    @Test
    void changesNothingElse() {
        LifeStrand before = npc(new BigFive(0.5, 0.5, 0.5, 0.5, 0.5), null, List.of());

        LifeStrand after = LifeStrandEdit.apply(before, changes(null, null, List.of()), STEP, "p").lifeStrand();

        assertThat(after).isEqualTo(before);
    }

    private static Changes changes(@Nullable String mood, @Nullable BigFiveDelta drift, List<LearnedFact> facts) {
        return new Changes(mood, null, drift, List.of(), facts);
    }

    private static LifeStrand npc(@Nullable BigFive bigFive, @Nullable CurrentStatus status,
            List<KnowledgeFact> knowledge) {
        return new LifeStrand("Mira", new Background(40, "miner", "Deepvale", null),
                new Personality(List.of("stubborn"), List.of(), List.of(), bigFive, List.of(), List.of()), status, null,
                null, knowledge, null, null, null, null, null, null, null, null);
    }
}
