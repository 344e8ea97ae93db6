package dev.gaia.npc.proposal;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeScope;
import dev.gaia.npc.relationship.RelationshipType;
import dev.gaia.npc.relationship.TargetType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A proposed change of a character.
 *
 * @param confidence how sure the proposer is, 0..1; compared with the game's auto-approval threshold
 * @param evidence what the proposal is based on
 * @param changes what would change
 */
record ProposalRequest(
        @NotNull @DecimalMin("0") @DecimalMax("1") Double confidence,
        @Size(max = 20) List<@NotNull @Valid Evidence> evidence,
        @NotNull @Valid Changes changes) {

    ProposalRequest {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A part left out of a delta does not move. */
    private static Double orZero(@Nullable Double value) {
        return value == null ? 0.0 : value;
    }

    /**
     * A piece of evidence.
     *
     * @param text what was said or observed
     * @param conversationId the conversation it comes from
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Evidence(@NotBlank @Size(max = 2000) String text, @Nullable UUID conversationId) {
    }

    /**
     * What a proposal would change; at least one part.
     *
     * @param mood the character's new mood
     * @param padDelta how its feelings move
     * @param bigFiveDelta how its personality drifts; each step bounded by the game's {@code max_trait_step}
     * @param relationshipDeltas how its relationships change
     * @param learnedKnowledge what it learned
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Changes(
            @Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String mood,
            @Nullable @Valid PadDelta padDelta,
            @Nullable @Valid BigFiveDelta bigFiveDelta,
            @Size(max = 50) List<@NotNull @Valid RelationshipDelta> relationshipDeltas,
            @Size(max = 50) List<@NotNull @Valid LearnedFact> learnedKnowledge) {

        Changes {
            relationshipDeltas = relationshipDeltas == null ? List.of() : List.copyOf(relationshipDeltas);
            learnedKnowledge = learnedKnowledge == null ? List.of() : List.copyOf(learnedKnowledge);
        }

        boolean isEmpty() {
            return mood == null && padDelta == null && bigFiveDelta == null && relationshipDeltas.isEmpty()
                    && learnedKnowledge.isEmpty();
        }

        /** Whether any part changes the Life Strand itself. */
        boolean touchesLifeStrand() {
            return mood != null || bigFiveDelta != null || !learnedKnowledge.isEmpty();
        }
    }

    /**
     * A move in PAD space; each axis -1..1, left out 0.
     *
     * @param pleasure also {@code p}
     * @param arousal also {@code a}
     * @param dominance also {@code d}
     */
    record PadDelta(
            @JsonAlias("p") @DecimalMin("-1") @DecimalMax("1") Double pleasure,
            @JsonAlias("a") @DecimalMin("-1") @DecimalMax("1") Double arousal,
            @JsonAlias("d") @DecimalMin("-1") @DecimalMax("1") Double dominance) {

        PadDelta {
            pleasure = orZero(pleasure);
            arousal = orZero(arousal);
            dominance = orZero(dominance);
        }
    }

    /** A drift of the Big Five; each trait -1..1, left out 0. */
    record BigFiveDelta(
            @DecimalMin("-1") @DecimalMax("1") Double openness,
            @DecimalMin("-1") @DecimalMax("1") Double conscientiousness,
            @DecimalMin("-1") @DecimalMax("1") Double extraversion,
            @DecimalMin("-1") @DecimalMax("1") Double agreeableness,
            @DecimalMin("-1") @DecimalMax("1") Double neuroticism) {

        BigFiveDelta {
            openness = orZero(openness);
            conscientiousness = orZero(conscientiousness);
            extraversion = orZero(extraversion);
            agreeableness = orZero(agreeableness);
            neuroticism = orZero(neuroticism);
        }
    }

    /**
     * A change of one relationship; each score -1..1, left out 0.
     *
     * @param targetType whether the other end is a character or a player
     * @param targetId the other end
     * @param type the relationship's new type, if it changes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RelationshipDelta(
            @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) TargetType targetType,
            @NotNull UUID targetId,
            @DecimalMin("-1") @DecimalMax("1") Double trust,
            @DecimalMin("-1") @DecimalMax("1") Double affinity,
            @DecimalMin("-1") @DecimalMax("1") Double familiarity,
            @DecimalMin("-1") @DecimalMax("1") Double respect,
            @Nullable @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) RelationshipType type) {

        RelationshipDelta {
            trust = orZero(trust);
            affinity = orZero(affinity);
            familiarity = orZero(familiarity);
            respect = orZero(respect);
        }
    }

    /**
     * Something the character learned.
     *
     * @param text the fact
     * @param scope the character's own (the default) or common knowledge
     * @param confidence how sure the character is, 0..1
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LearnedFact(
            @NotBlank @Size(max = 1000) String text,
            @Nullable @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) KnowledgeScope scope,
            @Nullable @DecimalMin("0") @DecimalMax("1") Double confidence) {
    }
}
