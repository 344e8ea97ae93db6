package dev.gaia.model.provider.ollama;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A model for the Ollama server to pull.
 *
 * @param name the model as Ollama names it: {@code llama3.2}, {@code qwen2.5:0.5b}, {@code hf.co/<user>/<repo>:<quant>}
 */
record PullModelRequest(
        @NotBlank @Size(max = 256)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]*",
                message = "must be an Ollama model name such as llama3.2 or qwen2.5:0.5b")
        String name) {
}
