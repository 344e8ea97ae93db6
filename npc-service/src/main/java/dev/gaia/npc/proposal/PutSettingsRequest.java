package dev.gaia.npc.proposal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * New proposal settings of a game.
 *
 * @param autoApproveThreshold 0..1; 1 applies only certain proposals at once, 0 every one
 * @param maxTraitStep 0..1; 0 freezes personalities
 */
record PutSettingsRequest(
        @NotNull @DecimalMin("0") @DecimalMax("1") Double autoApproveThreshold,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double maxTraitStep) {
}
