package dev.gaia.npc.lifestrand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * Who a character is: the body of {@code POST /api/npcs} (DESIGN §2), every string and list
 * bounded. Lists and the relationship map left out count as empty.
 *
 * @param name the character's name
 * @param background where they come from
 * @param personality how they tend to think and act
 * @param currentStatus how they are right now, if known
 * @param relationships whom they know: a name or id mapped to a description, or to a flat object
 *        describing the relationship
 * @param knowledge facts the character knows
 * @param memories things the character remembers from before the game
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifeStrand(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Valid Background background,
        @NotNull @Valid Personality personality,
        @Nullable @Valid CurrentStatus currentStatus,
        @Size(max = 200) Map<@NotBlank @Size(max = 200) String, @NotNull @RelationshipValue JsonNode> relationships,
        @Size(max = 200) List<@NotBlank @Size(max = 1000) String> knowledge,
        @Size(max = 200) List<@NotBlank @Size(max = 1000) String> memories) {

    public LifeStrand {
        relationships = relationships == null ? Map.of() : new LinkedHashMap<>(relationships);
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
        memories = memories == null ? List.of() : List.copyOf(memories);
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
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Personality(
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> traits,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> motivations,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> fears,
            @Nullable @Valid BigFive bigFive) {

        public Personality {
            traits = traits == null ? List.of() : List.copyOf(traits);
            motivations = motivations == null ? List.of() : List.copyOf(motivations);
            fears = fears == null ? List.of() : List.copyOf(fears);
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
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrentStatus(
            @Nullable @Size(max = 100) String mood,
            @Nullable @Min(0) @Max(100) Integer health,
            @Nullable @Min(0) @Max(100) Integer energy) {
    }
}
