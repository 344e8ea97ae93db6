package dev.gaia.npc.search;

import java.util.ArrayList;
import java.util.List;

import dev.gaia.shared.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/** Vectors for texts from model-service, checked to be what the index stores. */
@Component
class Embeddings {

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    private final EmbeddingsClient client;
    private final SearchProperties properties;

    Embeddings(EmbeddingsClient client, SearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * One vector per text, in order, with the model that made them.
     *
     * @throws ProblemException 503 {@code embedding_unavailable} when model-service cannot be
     *         reached or answers an error or a malformed answer, 503
     *         {@code embedding_dimensions_unsupported} when its vectors do not have
     *         {@value EmbeddingIndex#DIMENSIONS} dimensions
     */
    Embedded embed(List<String> texts, String bearerToken) {
        EmbeddingsClient.Answer answer;
        try {
            answer = client.embed(new EmbeddingsClient.Request(properties.model(), texts, "float"),
                    "Bearer " + bearerToken);
        }
        catch (RestClientException ex) {
            log.warn("model-service could not embed {} texts: {}", texts.size(), ex.getMessage());
            throw unavailable("The model service could not embed the search right now; try again shortly.");
        }
        List<EmbeddingsClient.Item> items = answer == null ? null : answer.data();
        if (items == null || items.size() != texts.size()) {
            throw unavailable("The model service answered with a different number of vectors than texts.");
        }
        float[][] vectors = new float[texts.size()][];
        for (EmbeddingsClient.Item item : items) {
            List<Float> values = item.embedding();
            if (item.index() < 0 || item.index() >= vectors.length || values == null) {
                throw unavailable("The model service answered with a malformed embedding.");
            }
            if (values.size() != EmbeddingIndex.DIMENSIONS) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "embedding_dimensions_unsupported", "The embedding model " + answer.model() + " makes vectors of "
                        + values.size() + " dimensions; NPC search stores " + EmbeddingIndex.DIMENSIONS
                        + ". Configure gaia.npc.search.model to a model of that size.");
            }
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i);
            }
            vectors[item.index()] = vector;
        }
        List<float[]> ordered = new ArrayList<>(vectors.length);
        for (float[] vector : vectors) {
            if (vector == null) {
                throw unavailable("The model service answered without a vector for every text.");
            }
            ordered.add(vector);
        }
        String model = answer.model() == null || answer.model().isBlank() ? properties.model() : answer.model();
        return new Embedded(model, ordered);
    }

    private static ProblemException unavailable(String detail) {
        return ProblemException.unavailable("embedding_unavailable", detail);
    }

    /**
     * @param model the model that made the vectors
     * @param vectors one per text, in order
     */
    record Embedded(String model, List<float[]> vectors) {
    }
}
