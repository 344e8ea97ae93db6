package dev.gaia.npc.proposal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What applying a proposal did.
 *
 * @param version the character's Life Strand version the proposal made, if it changed the Life Strand
 * @param clampedTraits Big Five steps cut to the game's {@code max_trait_step} or to 0..1
 * @param notes parts left out, and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProposalOutcome(@Nullable Long version, List<ClampedTrait> clampedTraits, List<String> notes) {

    ProposalOutcome {
        clampedTraits = clampedTraits == null ? List.of() : List.copyOf(clampedTraits);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    ProposalOutcome withVersion(long version) {
        return new ProposalOutcome(version, clampedTraits, notes);
    }

    /**
     * @param trait the Big Five trait
     * @param requested the step proposed
     * @param applied the step taken
     */
    record ClampedTrait(String trait, double requested, double applied) {
    }
}
