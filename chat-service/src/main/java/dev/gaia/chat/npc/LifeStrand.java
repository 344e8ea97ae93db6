package dev.gaia.chat.npc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An NPC as npc-service describes it (DESIGN §2): who they are, how they feel, whom they know
 * and what they know. Parts a designer left out are {@code null} or empty.
 *
 * @param name the NPC's name
 * @param background age, occupation, location and history
 * @param personality traits, motivations, fears and the Big Five
 * @param currentStatus mood, health and energy right now
 * @param relationships whom the NPC knows, by name or id: a description or a structured object
 * @param knowledge facts the NPC knows, as their texts
 * @param modelSettings the model this NPC speaks with and how, when the designer chose; npc-service
 *        shows it to designers and admins only, so a player's read comes without it
 */
public record LifeStrand(
        String name,
        @Nullable Background background,
        @Nullable Personality personality,
        @Nullable CurrentStatus currentStatus,
        Map<String, JsonNode> relationships,
        @JsonDeserialize(contentUsing = KnowledgeText.class) List<String> knowledge,
        @Nullable ModelSettings modelSettings) {

    public LifeStrand {
        // Kept in the order the designer wrote them: the prompt lists them that way.
        relationships = relationships == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
    }

    /**
     * @param age the NPC's age in years
     * @param occupation what the NPC does
     * @param location where the NPC lives or works
     * @param history the NPC's story so far
     */
    public record Background(@Nullable Integer age, @Nullable String occupation, @Nullable String location,
            @Nullable String history) {
    }

    /**
     * @param traits how the NPC is, in a word or a phrase each
     * @param motivations what the NPC wants
     * @param fears what the NPC fears
     * @param bigFive the Big Five personality dimensions, each in 0..1
     */
    public record Personality(List<String> traits, List<String> motivations, List<String> fears,
            @Nullable BigFive bigFive) {

        public Personality {
            traits = traits == null ? List.of() : List.copyOf(traits);
            motivations = motivations == null ? List.of() : List.copyOf(motivations);
            fears = fears == null ? List.of() : List.copyOf(fears);
        }
    }

    /** The Big Five personality dimensions, each in 0..1. */
    public record BigFive(@Nullable Double openness, @Nullable Double conscientiousness,
            @Nullable Double extraversion, @Nullable Double agreeableness, @Nullable Double neuroticism) {
    }

    /**
     * @param mood how the NPC feels, such as {@code excited}
     * @param health the NPC's health, 0..100
     * @param energy the NPC's energy, 0..100
     */
    public record CurrentStatus(@Nullable String mood, @Nullable Integer health, @Nullable Integer energy) {
    }

    /**
     * @param chatModel a role or a concrete model such as {@code openai/gpt-4o-mini}; absent, the
     *        game's chat model
     * @param temperature the sampling temperature, 0..2; absent, the model's default
     */
    public record ModelSettings(@Nullable String chatModel, @Nullable Double temperature) {
    }
}
