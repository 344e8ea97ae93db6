package dev.gaia.model.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gaia.model.provider.OpenAiCompatibleProvider;
import dev.gaia.model.resilience.ProviderGuards;
import dev.gaia.shared.problem.ProblemException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * An embedding model of the OpenAI-compatible provider, asked through its {@code /embeddings}
 * under the provider's {@link ProviderGuards guards}, as its chat completions are.
 * Its dimension is known in advance (configuration, or OpenAI's published sizes) or learnt from
 * its first answer; an answer of any other dimension is refused, so vectors of two sizes never
 * leave Gaia under one model's name.
 */
final class ProviderEmbedder implements Embedder {

    /** The provider prefix of its models in Gaia. */
    static final String PREFIX = "openai/";

    private static final Map<String, Integer> OPENAI_DIMENSIONS = Map.of(
            "text-embedding-3-small", 1536,
            "text-embedding-3-large", 3072,
            "text-embedding-ada-002", 1536);

    private final OpenAiCompatibleProvider provider;
    private final ProviderGuards guards;
    private final String model;
    /** 0 until known. */
    private final AtomicInteger dimensions;

    ProviderEmbedder(OpenAiCompatibleProvider provider, ProviderGuards guards, String model,
            OptionalInt configuredDimensions) {
        this.provider = provider;
        this.guards = guards;
        this.model = model;
        this.dimensions = new AtomicInteger(configuredDimensions.orElse(OPENAI_DIMENSIONS.getOrDefault(model, 0)));
    }

    @Override
    public String id() {
        return PREFIX + model;
    }

    @Override
    public OptionalInt dimensions() {
        int known = dimensions.get();
        return known == 0 ? OptionalInt.empty() : OptionalInt.of(known);
    }

    @Override
    public Embeddings embed(List<String> texts, OptionalInt requestedDimensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", texts);
        body.put("encoding_format", "float");
        requestedDimensions.ifPresent(size -> body.put("dimensions", size));
        JsonNode answer = guards.answerWhole(provider.name(), model, () -> provider.embeddings(body));

        JsonNode data = answer.path("data");
        if (!data.isArray() || data.size() != texts.size()) {
            throw invalid("did not hold one embedding per input");
        }
        float[][] vectors = new float[texts.size()][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            JsonNode embedding = item.path("embedding");
            if (index < 0 || index >= vectors.length || vectors[index] != null || !embedding.isArray()) {
                throw invalid("had an embedding without a valid index or vector");
            }
            vectors[index] = toVector(embedding);
        }
        int size = vectors[0].length;
        int expected = requestedDimensions.orElseGet(() -> {
            dimensions.compareAndSet(0, size);
            return dimensions.get();
        });
        if (Arrays.stream(vectors).anyMatch(vector -> vector.length != expected)) {
            throw ProblemException.of(HttpStatus.BAD_GATEWAY, "embedding_dimensions_mismatch",
                    "The provider's model " + model + " answered vectors of " + size + " dimensions where " + expected
                            + " were expected, so they were not passed on: vectors of two sizes cannot be compared."
                            + " Set GAIA_EMBEDDING_DIMENSIONS to the model's dimension and restart model-service.");
        }
        return new Embeddings(new ArrayList<>(Arrays.asList(vectors)),
                answer.path("usage").path("prompt_tokens").asInt(0));
    }

    private static float[] toVector(JsonNode embedding) {
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode value = embedding.get(i);
            if (!value.isNumber()) {
                throw invalid("had a vector with a value that is not a number");
            }
            vector[i] = value.floatValue();
        }
        if (vector.length == 0) {
            throw invalid("had an empty vector");
        }
        return vector;
    }

    private static ProblemException invalid(String what) {
        return ProblemException.of(HttpStatus.BAD_GATEWAY, "model_provider_error",
                "The model provider's embeddings answer " + what + ".");
    }
}
