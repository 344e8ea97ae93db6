package dev.gaia.model.embedding;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's embeddings request.
 *
 * @param model a model ({@code onnx/bge-small-en-v1.5}, {@code openai/text-embedding-3-small}), the role
 *        {@code embedding}, or nothing for the configured default
 * @param input one text or an array of texts (token arrays are not accepted)
 * @param encodingFormat {@code float} (the default) or {@code base64} (little-endian float32)
 * @param dimensions the vector length asked for; a model that cannot shorten its vectors accepts only its own
 * @param user the end user, as OpenAI accepts it; not used
 */
public record CreateEmbeddingsRequest(@Nullable @Size(max = 256) String model, @Nullable JsonNode input,
        @Nullable @Size(max = 32) String encodingFormat, @Nullable Integer dimensions,
        @Nullable @Size(max = 256) String user) {
}
