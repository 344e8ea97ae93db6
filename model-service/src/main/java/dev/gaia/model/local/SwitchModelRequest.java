package dev.gaia.model.local;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Which local model answers a role from now on.
 *
 * @param role {@code chat}, {@code summary} or {@code scoring}
 * @param model the model file, as {@code local/<file>} or just {@code <file>}
 */
record SwitchModelRequest(
        @NotBlank @Pattern(regexp = "chat|summary|scoring", message = "must be one of chat, summary, scoring")
        String role,
        @NotBlank @Size(max = 256) String model) {

    /** The model file's name, without the provider's prefix. */
    String fileName() {
        String prefix = LocalModelProvider.NAME + "/";
        return model.startsWith(prefix) ? model.substring(prefix.length()) : model;
    }
}
