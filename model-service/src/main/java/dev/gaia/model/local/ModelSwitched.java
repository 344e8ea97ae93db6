package dev.gaia.model.local;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A role is answered by another model from now on ({@code model.switched}).
 *
 * @param role the role switched: {@code chat}, {@code summary} or {@code scoring}
 * @param model the model that now answers it first
 * @param previous the model that answered it first before, if any
 * @param switchedBy the admin who switched it
 */
record ModelSwitched(String role, String model, @Nullable String previous, UUID switchedBy) {
}
