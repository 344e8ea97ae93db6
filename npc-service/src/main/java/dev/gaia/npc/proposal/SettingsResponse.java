package dev.gaia.npc.proposal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a game lets conversations change its characters.
 *
 * @param autoApproveThreshold proposals at least this confident apply at once; the others wait for a designer
 * @param maxTraitStep the furthest one proposal may move a Big Five trait
 * @param updatedAt when a designer last changed them; {@code null} for the defaults
 */
record SettingsResponse(double autoApproveThreshold, double maxTraitStep, @Nullable Instant updatedAt) {
}
