package dev.gaia.model.embedding;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How {@code /v1/embeddings} answers, bound from {@code gaia.model.embedding.*}.
 *
 * @param model the default embedding model, the one the role {@code embedding} means:
 *        {@value EmbeddingModels#DEFAULT_MODEL} (in process, offline) unless
 *        {@code GAIA_EMBEDDING_MODEL} names another, such as {@code openai/text-embedding-3-small}
 * @param dimensions the default model's dimension where Gaia cannot know it in advance (a
 *        provider's model it has no table entry for); env {@code GAIA_EMBEDDING_DIMENSIONS}
 * @param batchSize at most this many texts go to the model at once; larger requests are split
 * @param cacheSize memory the cache of computed vectors may hold
 */
@ConfigurationProperties("gaia.model.embedding")
public record EmbeddingProperties(@DefaultValue(EmbeddingModels.DEFAULT_MODEL) String model, @Nullable Integer dimensions,
        @DefaultValue("32") int batchSize, @DefaultValue("64MB") DataSize cacheSize) {

    public EmbeddingProperties {
        model = model.isBlank() ? EmbeddingModels.DEFAULT_MODEL : model.strip();
        if (dimensions != null && dimensions <= 0) {
            throw new IllegalArgumentException("gaia.model.embedding.dimensions (GAIA_EMBEDDING_DIMENSIONS) must be"
                    + " positive, not " + dimensions);
        }
        if (batchSize < 1 || batchSize > EmbeddingService.MAX_INPUTS) {
            throw new IllegalArgumentException("gaia.model.embedding.batch-size must be between 1 and "
                    + EmbeddingService.MAX_INPUTS + ", not " + batchSize);
        }
        if (cacheSize.isNegative()) {
            throw new IllegalArgumentException("gaia.model.embedding.cache-size must not be negative");
        }
    }
}
