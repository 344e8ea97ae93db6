package dev.gaia.model.embedding;

import java.util.List;
import java.util.OptionalInt;

/** An embedding model that can answer: in process or at a provider. */
sealed interface Embedder permits OnnxEmbedder, ProviderEmbedder {

    /** The model's name in Gaia, with its provider prefix: {@code onnx/bge-small-en-v1.5}. */
    String id();

    /** The length of its vectors, where known before the first answer. */
    OptionalInt dimensions();

    /**
     * Vectors for these texts, in their order.
     *
     * @param texts at most {@link EmbeddingProperties#batchSize()} texts
     * @param dimensions the dimension the caller asked for, where the model can shorten its vectors
     */
    Embeddings embed(List<String> texts, OptionalInt dimensions);

    /**
     * What one call to a model returned.
     *
     * @param vectors one per text, in order
     * @param promptTokens the tokens the texts took, as the model counts them
     */
    record Embeddings(List<float[]> vectors, int promptTokens) {
    }
}
