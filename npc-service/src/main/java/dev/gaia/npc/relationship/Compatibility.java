package dev.gaia.npc.relationship;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.BigFive;
import org.jspecify.annotations.Nullable;

/**
 * How well two characters would get along, from 0 to 1, with the reasons and what they might do
 * together. Deterministic; the score is the same whichever character comes first.
 *
 * <p>Personality (when both have a Big Five), in 0..1: similarity in openness (weight 0.25) and
 * conscientiousness (0.20), {@code 1 - |a - b|}, because people who share curiosity and habits
 * get along; the level of agreeableness (0.25) and of emotional stability (0.20), the pair's
 * mean, because warm and calm partners make any relationship easier; and extraversion (0.10),
 * where a difference costs only half as much, because a talker and a listener complement each
 * other.
 *
 * <p>Interests, in 0..1: the overlap ({@code |A ∩ B| / min(|A|, |B|)}, case-insensitive) of
 * traits (weight 0.3), motivations (0.3) and tags (0.2), plus the same occupation (0.1) and the
 * same location (0.1).
 *
 * <p>The score is {@code 0.6 personality + 0.4 interests}, or the interests alone when a Big Five
 * is missing.
 */
final class Compatibility {

    static final int MAX_SUGGESTIONS = 5;
    private static final double HIGH = 0.7;
    private static final double LOW = 0.3;
    private static final double FAR_APART = 0.5;

    private Compatibility() {
    }

    /**
     * @param score how well they would get along, 0..1
     * @param reasons why, most telling first
     * @param suggestedInteractions what they might do together
     */
    record Result(double score, List<String> reasons, List<String> suggestedInteractions) {
    }

    static Result between(LifeStrand a, LifeStrand b) {
        List<String> reasons = new ArrayList<>();
        Set<String> suggestions = new LinkedHashSet<>();

        double interests = interests(a, b, reasons, suggestions);
        BigFive x = a.personality().bigFive();
        BigFive y = b.personality().bigFive();
        double score;
        if (x != null && y != null) {
            score = 0.6 * personality(x, y, reasons, suggestions) + 0.4 * interests;
        }
        else {
            score = interests;
            reasons.add("Without a Big Five for both, only their interests are compared.");
        }
        score = Math.clamp(score, 0.0, 1.0);
        if (score < LOW) {
            suggestions.add("Start with a short, neutral encounter before anything that needs trust");
        }
        else if (score >= HIGH) {
            suggestions.add("Spend an evening together");
        }
        return new Result(score, List.copyOf(reasons), suggestions.stream().limit(MAX_SUGGESTIONS).toList());
    }

    private static double personality(BigFive x, BigFive y, List<String> reasons, Set<String> suggestions) {
        double openness = 1 - Math.abs(x.openness() - y.openness());
        double conscientiousness = 1 - Math.abs(x.conscientiousness() - y.conscientiousness());
        double agreeableness = (x.agreeableness() + y.agreeableness()) / 2;
        double stability = 1 - (x.neuroticism() + y.neuroticism()) / 2;
        double extraversion = 1 - Math.abs(x.extraversion() - y.extraversion()) / 2;

        if (openness >= 1 - LOW / 2 && Math.min(x.openness(), y.openness()) >= HIGH) {
            reasons.add("Both are curious and open to new ideas.");
            suggestions.add("Explore somewhere neither has been");
        }
        else if (openness <= FAR_APART) {
            reasons.add("One seeks the new, the other prefers the familiar.");
        }
        if (conscientiousness <= FAR_APART) {
            reasons.add("Their sense of order and duty differs widely.");
            suggestions.add("Keep shared tasks small and clearly divided");
        }
        else if (Math.min(x.conscientiousness(), y.conscientiousness()) >= HIGH) {
            reasons.add("Both are diligent and keep their word.");
            suggestions.add("Take on a demanding task together");
        }
        if (agreeableness >= HIGH) {
            reasons.add("Both are warm and cooperative.");
        }
        else if (agreeableness <= LOW) {
            reasons.add("Neither is inclined to give way.");
        }
        if (stability <= LOW) {
            reasons.add("Both are easily upset, which can make conflicts escalate.");
        }
        if (Math.abs(x.extraversion() - y.extraversion()) >= FAR_APART) {
            reasons.add("A talker and a listener: one outgoing, one reserved.");
            suggestions.add("Meet one to one rather than in a crowd");
        }
        else if (Math.min(x.extraversion(), y.extraversion()) >= HIGH) {
            reasons.add("Both enjoy company.");
            suggestions.add("Meet at a festival or a crowded tavern");
        }
        return 0.25 * openness + 0.20 * conscientiousness + 0.25 * agreeableness + 0.20 * stability
                + 0.10 * extraversion;
    }

    private static double interests(LifeStrand a, LifeStrand b, List<String> reasons, Set<String> suggestions) {
        List<String> traits = shared(a.personality().traits(), b.personality().traits());
        List<String> motivations = shared(a.personality().motivations(), b.personality().motivations());
        List<String> tags = shared(a.tags(), b.tags());
        boolean sameOccupation = same(a.background().occupation(), b.background().occupation());
        boolean sameLocation = same(a.background().location(), b.background().location());

        if (!motivations.isEmpty()) {
            reasons.add("Both are driven by: " + String.join(", ", motivations) + ".");
            suggestions.add("Work together towards " + motivations.getFirst());
        }
        if (!traits.isEmpty()) {
            reasons.add("Both are " + String.join(", ", traits) + ".");
        }
        if (!tags.isEmpty()) {
            reasons.add("They share: " + String.join(", ", tags) + ".");
            suggestions.add("Talk about " + tags.getFirst());
        }
        if (sameOccupation) {
            reasons.add("Both work as " + a.background().occupation() + ".");
            suggestions.add("Trade tips about their work as " + a.background().occupation());
        }
        if (sameLocation) {
            reasons.add("Both are found in " + a.background().location() + ".");
            suggestions.add("Meet by chance in " + a.background().location());
        }
        return 0.3 * overlap(a.personality().traits(), b.personality().traits(), traits)
                + 0.3 * overlap(a.personality().motivations(), b.personality().motivations(), motivations)
                + 0.2 * overlap(a.tags(), b.tags(), tags)
                + (sameOccupation ? 0.1 : 0)
                + (sameLocation ? 0.1 : 0);
    }

    /** What both lists hold, compared case-insensitively, in the first list's words and order. */
    private static List<String> shared(List<String> first, List<String> second) {
        Set<String> other = normalised(second);
        Set<String> seen = new LinkedHashSet<>();
        List<String> shared = new ArrayList<>();
        for (String item : first) {
            String key = normalise(item);
            if (other.contains(key) && seen.add(key)) {
                shared.add(item.strip());
            }
        }
        return shared;
    }

    private static double overlap(List<String> first, List<String> second, List<String> shared) {
        int smaller = Math.min(normalised(first).size(), normalised(second).size());
        return smaller == 0 ? 0 : (double) shared.size() / smaller;
    }

    private static boolean same(@Nullable String first, @Nullable String second) {
        return first != null && second != null && !first.isBlank() && normalise(first).equals(normalise(second));
    }

    private static Set<String> normalised(List<String> items) {
        Set<String> keys = new LinkedHashSet<>();
        items.forEach(item -> keys.add(normalise(item)));
        return keys;
    }

    private static String normalise(String item) {
        return item.strip().toLowerCase(Locale.ROOT);
    }
}
