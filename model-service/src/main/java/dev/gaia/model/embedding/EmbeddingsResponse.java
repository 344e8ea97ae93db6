package dev.gaia.model.embedding;

import java.util.List;

/**
 * OpenAI's embeddings answer, plus the vectors' {@code dimensions} so a caller can never take
 * vectors of two sizes for one kind.
 *
 * @param object always {@code list}
 * @param data one embedding per input, in input order
 * @param model the model that made them, with its provider prefix
 * @param dimensions the length of every vector
 * @param usage the tokens the model read for this request (texts answered from the cache cost none)
 */
public record EmbeddingsResponse(String object, List<Item> data, String model, int dimensions, Usage usage) {

    /**
     * One input's vector.
     *
     * @param object always {@code embedding}
     * @param index the input's position
     * @param embedding an array of floats, or their little-endian float32 bytes in base64
     */
    public record Item(String object, int index, Object embedding) {
    }

    /**
     * @param promptTokens the tokens the model read
     * @param totalTokens the same: embeddings produce no tokens
     */
    public record Usage(int promptTokens, int totalTokens) {
    }
}
