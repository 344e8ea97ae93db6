package dev.gaia.npc.lifestrand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Who a character is: the body of {@code POST /api/npcs} (DESIGN §2), every string and list
 * bounded. Lists and maps left out count as empty; objects left out are {@code null}.
 *
 * @param name the character's name
 * @param background where they come from
 * @param personality how they tend to think and act
 * @param currentStatus how they are right now, if known
 * @param emotionalState how they feel as pleasure, arousal and dominance; left out, the
 *        personality's baseline
 * @param relationships whom they know: a name or id mapped to a description, or to a flat object
 *        describing the relationship
 * @param knowledge facts the character knows; a plain string is a personal fact
 * @param memories things the character remembers from before the game
 * @param goals what the character is working towards
 * @param speechStyle how the character talks
 * @param safety what the character must not talk about and the rules of its world
 * @param modelSettings the model the character speaks with, if not the game's default
 * @param avatarAssetId the character's picture in asset-service
 * @param tags words designers file the character under
 * @param extensions data Gaia has no field for (such as a Character Card's), kept as given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifeStrand(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Valid Background background,
        @NotNull @Valid Personality personality,
        @Nullable @Valid CurrentStatus currentStatus,
        @Nullable @Valid EmotionalState emotionalState,
        @Size(max = 200) Map<@NotBlank @Size(max = 200) String, @NotNull @RelationshipValue JsonNode> relationships,
        @Size(max = LifeStrand.MAX_KNOWLEDGE) List<@NotNull @Valid KnowledgeFact> knowledge,
        @Size(max = 200) List<@NotBlank @Size(max = 1000) String> memories,
        @Size(max = 50) List<@NotNull @Valid Goal> goals,
        @Nullable @Valid SpeechStyle speechStyle,
        @Nullable @Valid Safety safety,
        @Nullable @Valid ModelSettings modelSettings,
        @Nullable UUID avatarAssetId,
        @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @BoundedJson JsonNode> extensions) {

    /** The most facts a character knows. */
    public static final int MAX_KNOWLEDGE = 500;

    public LifeStrand {
        relationships = relationships == null ? Map.of() : new LinkedHashMap<>(relationships);
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
        memories = memories == null ? List.of() : List.copyOf(memories);
        goals = goals == null ? List.of() : List.copyOf(goals);
        tags = tags == null ? List.of() : List.copyOf(tags);
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /**
     * Where a character comes from.
     *
     * @param age in years
     * @param occupation what they do
     * @param location where they live or work
     * @param history their story so far
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Background(
            @Nullable @Min(0) @Max(10_000) Integer age,
            @Nullable @Size(max = 200) String occupation,
            @Nullable @Size(max = 200) String location,
            @Nullable @Size(max = 10_000) String history) {
    }

    /**
     * How a character tends to think and act.
     *
     * @param traits words that describe them
     * @param motivations what drives them
     * @param fears what they dread
     * @param bigFive the Big Five personality dimensions, if given
     * @param quirks small habits that make them recognisable
     * @param needs what they cannot do without
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Personality(
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> traits,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> motivations,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> fears,
            @Nullable @Valid BigFive bigFive,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> quirks,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> needs) {

        public Personality {
            traits = traits == null ? List.of() : List.copyOf(traits);
            motivations = motivations == null ? List.of() : List.copyOf(motivations);
            fears = fears == null ? List.of() : List.copyOf(fears);
            quirks = quirks == null ? List.of() : List.copyOf(quirks);
            needs = needs == null ? List.of() : List.copyOf(needs);
        }
    }

    /**
     * The Big Five personality dimensions, each from 0 to 1.
     *
     * @param openness curiosity and imagination
     * @param conscientiousness order and diligence
     * @param extraversion sociability and energy among others
     * @param agreeableness warmth and cooperation
     * @param neuroticism proneness to negative emotion
     */
    public record BigFive(
            @NotNull @DecimalMin("0") @DecimalMax("1") Double openness,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double conscientiousness,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double extraversion,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double agreeableness,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double neuroticism) {
    }

    /**
     * How a character is right now.
     *
     * @param mood a word or two, such as {@code excited}
     * @param health from 0 to 100
     * @param energy from 0 to 100
     * @param location where they are now
     * @param activity what they are doing now
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrentStatus(
            @Nullable @Size(max = 100) String mood,
            @Nullable @Min(0) @Max(100) Integer health,
            @Nullable @Min(0) @Max(100) Integer energy,
            @Nullable @Size(max = 200) String location,
            @Nullable @Size(max = 200) String activity) {
    }

    /**
     * A feeling as a point in PAD space, each axis from -1 to 1.
     *
     * @param pleasure how pleasant (1) or unpleasant (-1)
     * @param arousal how excited (1) or calm (-1)
     * @param dominance how in control (1) or controlled (-1)
     */
    public record EmotionalState(
            @NotNull @DecimalMin("-1") @DecimalMax("1") Double pleasure,
            @NotNull @DecimalMin("-1") @DecimalMax("1") Double arousal,
            @NotNull @DecimalMin("-1") @DecimalMax("1") Double dominance) {
    }

    /**
     * Something a character knows. A fact that is nothing but its text is written as a plain
     * string, as it may be given.
     *
     * @param text the fact
     * @param source where they learned it, such as {@code designer} or a conversation id
     * @param confidence how sure they are, from 0 to 1; left out, certain
     * @param scope whether only this character knows it or everyone in the world does
     * @param keys words that bring the fact to mind (a Character Card lorebook's keys)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonSerialize(using = KnowledgeFactSerializer.class)
    public record KnowledgeFact(
            @NotBlank @Size(max = 1000) String text,
            @Nullable @Size(max = 200) String source,
            @Nullable @DecimalMin("0") @DecimalMax("1") Double confidence,
            @Nullable KnowledgeScope scope,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> keys) {

        public KnowledgeFact {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        /** The {@link #source} prefix of a fact learned in a conversation, before its id. */
        public static final String CONVERSATION_SOURCE = "conversation:";

        /** The {@link #source} prefix of a fact a change proposal without a conversation taught, before its id. */
        public static final String PROPOSAL_SOURCE = "proposal:";

        /**
         * Whether the fact was learned from a conversation with a player: what a player told an NPC
         * is that player's data, not for other players to read.
         */
        public boolean learnedInConversation() {
            return source != null && (source.startsWith(CONVERSATION_SOURCE) || source.startsWith(PROPOSAL_SOURCE));
        }

        /** A plain string, as in the seed's examples: a personal fact the designer wrote. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static KnowledgeFact of(String text) {
            return new KnowledgeFact(text, null, null, null, List.of());
        }
    }

    /** Whether a fact is the character's own or common knowledge in the game's world. */
    public enum KnowledgeScope {
        PERSONAL, COMMON
    }

    /**
     * What a character is working towards.
     *
     * @param text the goal
     * @param priority how much it matters, from 0 to 1
     * @param status whether it is still pursued
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Goal(
            @NotBlank @Size(max = 500) String text,
            @Nullable @DecimalMin("0") @DecimalMax("1") Double priority,
            @Nullable GoalStatus status) {

        /** A plain string: an active goal. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Goal of(String text) {
            return new Goal(text, null, null);
        }
    }

    /** Where a goal stands. */
    public enum GoalStatus {
        ACTIVE, ACHIEVED, ABANDONED
    }

    /**
     * How a character talks.
     *
     * @param voice the tone, such as {@code gruff, few words}
     * @param vocabulary words and turns of phrase they use
     * @param exampleLines lines they might say
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpeechStyle(
            @Nullable @Size(max = 500) String voice,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> vocabulary,
            @Size(max = 50) List<@NotBlank @Size(max = 2000) String> exampleLines) {

        public SpeechStyle {
            vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
            exampleLines = exampleLines == null ? List.of() : List.copyOf(exampleLines);
        }
    }

    /**
     * What keeps a character safe to talk to.
     *
     * @param topicsToAvoid subjects the character steers away from
     * @param stayInWorld whether the character refuses to talk about the world outside the game
     * @param worldRules rules of the game's world the character never breaks
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Safety(
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> topicsToAvoid,
            @Nullable Boolean stayInWorld,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> worldRules) {

        public Safety {
            topicsToAvoid = topicsToAvoid == null ? List.of() : List.copyOf(topicsToAvoid);
            worldRules = worldRules == null ? List.of() : List.copyOf(worldRules);
        }
    }

    /**
     * The model a character speaks with.
     *
     * @param chatModel a role or a concrete model such as {@code openai/gpt-4o-mini}
     * @param temperature sampling temperature, from 0 to 2
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelSettings(
            @Nullable @Size(max = 200) String chatModel,
            @Nullable @DecimalMin("0") @DecimalMax("2") Double temperature) {
    }
}
