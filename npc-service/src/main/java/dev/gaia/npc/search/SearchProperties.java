package dev.gaia.npc.search;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Semantic search settings, bound from {@code gaia.npc.search.*}.
 *
 * @param modelUrl model-service, whose {@code /v1/embeddings} embeds descriptions and queries
 * @param model the embedding model asked for; its vectors must have
 *        {@value EmbeddingIndex#DIMENSIONS} dimensions, the size of the stored vectors
 * @param connectTimeout how long to wait for a connection to model-service
 * @param readTimeout how long to wait for its answer
 * @param refreshBatch how many stale characters a search embeds again before it ranks
 */
@ConfigurationProperties("gaia.npc.search")
record SearchProperties(
        @DefaultValue("http://localhost:8085") URI modelUrl,
        @DefaultValue("onnx/bge-small-en-v1.5-int8-fused") String model,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("32") int refreshBatch) {

    SearchProperties {
        if (refreshBatch < 1 || refreshBatch > 256) {
            throw new IllegalArgumentException("gaia.npc.search.refresh-batch must be between 1 and 256, not "
                    + refreshBatch);
        }
    }
}
