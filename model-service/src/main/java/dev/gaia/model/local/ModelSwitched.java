package dev.gaia.model.local;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A role is answered by another model from now on ({@code model.switched}): one an admin switched
 * it to, or its configured first model again when an admin reset it.
 *
 * @param role the role switched: {@code chat}, {@code summary} or {@code scoring}
 * @param model the model that now answers it first; none when a reset role has no configured model
 * @param previous the model that answered it first before, if any
 * @param switchedBy the admin who switched it
 */
record ModelSwitched(String role, @Nullable String model, @Nullable String previous, UUID switchedBy) {
}
