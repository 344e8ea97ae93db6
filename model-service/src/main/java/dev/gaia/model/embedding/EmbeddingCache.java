package dev.gaia.model.embedding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Vectors already computed, keyed by model, dimension and the SHA-256 of the text, so the same
 * text is embedded once however often memories and queries repeat it. Bounded by memory
 * ({@code gaia.model.embedding.cache-size}); Caffeine evicts by frequency and recency
 * (W-TinyLFU), which keeps the texts asked for again and again over those seen once.
 */
@Component
class EmbeddingCache {

    /** What a cached entry costs beyond its floats: key, hash text, object headers. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    private final Cache<Key, float[]> vectors;

    EmbeddingCache(EmbeddingProperties properties) {
        this.vectors = Caffeine.newBuilder()
                .maximumWeight(properties.cacheSize().toBytes())
                .weigher((Key key, float[] vector) -> ENTRY_OVERHEAD_BYTES + vector.length * Float.BYTES)
                .build();
    }

    /** The key of a text's vector by a model, at the dimension asked for (0: the model's own). */
    static Key keyOf(String model, int dimensions, String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new Key(model, dimensions, HexFormat.of().formatHex(hash));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }

    @Nullable float[] get(Key key) {
        return vectors.getIfPresent(key);
    }

    void put(Key key, float[] vector) {
        vectors.put(key, vector);
    }

    /**
     * @param model the model's name with its provider prefix
     * @param dimensions the dimension asked for, 0 for the model's own
     * @param sha256 the text's SHA-256, hex
     */
    record Key(String model, int dimensions, String sha256) {
    }
}
