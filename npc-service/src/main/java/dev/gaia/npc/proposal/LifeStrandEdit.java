package dev.gaia.npc.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import dev.gaia.npc.lifestrand.LifeStrand.CurrentStatus;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeFact;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeScope;
import dev.gaia.npc.lifestrand.LifeStrand.Personality;
import dev.gaia.npc.proposal.ProposalRequest.BigFiveDelta;
import dev.gaia.npc.proposal.ProposalRequest.Changes;
import dev.gaia.npc.proposal.ProposalRequest.LearnedFact;

/**
 * What a proposal does to the Life Strand itself: the new mood, the Big Five drift (no trait
 * moved further than the game's step, and none out of 0..1; each cut is reported) and the
 * learned facts (a fact the character already knows, in any case, is not learned twice).
 */
final class LifeStrandEdit {

    private LifeStrandEdit() {
    }

    /**
     * @param lifeStrand the Life Strand after the edit
     * @param outcome what was cut or left out, and why
     */
    record Result(LifeStrand lifeStrand, ProposalOutcome outcome) {
    }

    /**
     * @param source where learned facts come from, such as a conversation id
     */
    static Result apply(LifeStrand current, Changes changes, double maxTraitStep, String source) {
        List<ProposalOutcome.ClampedTrait> clamped = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        CurrentStatus status = current.currentStatus();
        if (changes.mood() != null) {
            status = status == null ? new CurrentStatus(changes.mood(), null, null, null, null)
                    : new CurrentStatus(changes.mood(), status.health(), status.energy(), status.location(),
                            status.activity());
        }

        Personality personality = current.personality();
        BigFiveDelta drift = changes.bigFiveDelta();
        if (drift != null) {
            BigFive bigFive = personality.bigFive();
            if (bigFive == null) {
                notes.add("The character has no Big Five to drift; big_five_delta was left out.");
            }
            else {
                BigFive drifted = new BigFive(
                        step("openness", bigFive.openness(), drift.openness(), maxTraitStep, clamped),
                        step("conscientiousness", bigFive.conscientiousness(), drift.conscientiousness(),
                                maxTraitStep, clamped),
                        step("extraversion", bigFive.extraversion(), drift.extraversion(), maxTraitStep, clamped),
                        step("agreeableness", bigFive.agreeableness(), drift.agreeableness(), maxTraitStep, clamped),
                        step("neuroticism", bigFive.neuroticism(), drift.neuroticism(), maxTraitStep, clamped));
                personality = new Personality(personality.traits(), personality.motivations(), personality.fears(),
                        drifted, personality.quirks(), personality.needs());
            }
        }

        List<KnowledgeFact> knowledge = new ArrayList<>(current.knowledge());
        Set<String> known = knowledge.stream().map(fact -> key(fact.text())).collect(Collectors.toSet());
        for (LearnedFact fact : changes.learnedKnowledge()) {
            if (known.add(key(fact.text()))) {
                if (knowledge.size() >= LifeStrand.MAX_KNOWLEDGE && !forgetOldestLearned(knowledge, notes)) {
                    notes.add("Knowledge is full (" + LifeStrand.MAX_KNOWLEDGE + " facts the designer wrote), not"
                            + " learned: " + fact.text().strip());
                    continue;
                }
                knowledge.add(new KnowledgeFact(fact.text().strip(), source, fact.confidence(),
                        fact.scope() == null ? KnowledgeScope.PERSONAL : fact.scope(), List.of()));
            }
            else {
                notes.add("Already known, not learned again: " + fact.text().strip());
            }
        }

        LifeStrand edited = new LifeStrand(current.name(), current.background(), personality, status,
                current.emotionalState(), current.relationships(), knowledge, current.memories(), current.goals(),
                current.speechStyle(), current.safety(), current.modelSettings(), current.avatarAssetId(),
                current.tags(), current.extensions());
        return new Result(edited, new ProposalOutcome(null, clamped, notes));
    }

    /**
     * Makes room for a new fact by forgetting the oldest one learned in a conversation; the facts a
     * designer wrote are never forgotten. Whether there was one to forget.
     */
    private static boolean forgetOldestLearned(List<KnowledgeFact> knowledge, List<String> notes) {
        for (int i = 0; i < knowledge.size(); i++) {
            if (knowledge.get(i).learnedInConversation()) {
                notes.add("Forgotten to make room: " + knowledge.remove(i).text());
                return true;
            }
        }
        return false;
    }

    private static double step(String trait, double value, double requested, double maxStep,
            List<ProposalOutcome.ClampedTrait> clamped) {
        double bounded = Math.clamp(requested, -maxStep, maxStep);
        double next = Math.clamp(value + bounded, 0.0, 1.0);
        double applied = next - value;
        if (requested != 0 && Math.abs(applied - requested) > 1e-12) {
            clamped.add(new ProposalOutcome.ClampedTrait(trait, requested, applied));
        }
        return next;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
