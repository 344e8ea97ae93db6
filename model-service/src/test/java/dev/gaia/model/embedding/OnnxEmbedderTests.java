package dev.gaia.model.embedding;

import java.util.List;
import java.util.OptionalInt;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OnnxEmbedderTests {

    private static final OnnxEmbedder model = OnnxEmbedder.bgeSmallEnV15();

    @AfterAll
    static void release() {
        model.close();
    }

    @Test
    void givesTheSameVectorForTheSameText() {
        float[] first = single("The blacksmith forges a sword for the king.");
        float[] second = single("The blacksmith forges a sword for the king.");

        assertThat(second).containsExactly(first);
    }

    @Test
    void makesNormalisedVectorsOfItsDimension() {
        float[] vector = single("Elena keeps the lighthouse on the northern cliffs.");

        assertThat(model.dimensions()).hasValue(384);
        assertThat(vector).hasSize(384);
        assertThat(Math.sqrt(dot(vector, vector))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void putsSimilarTextsCloserThanUnrelatedOnes() {
        float[] query = single("Where does the old fisherman live?");
        float[] similar = single("The fisherman has lived in the hut by the harbour for forty years.");
        float[] unrelated = single("Tax rates on imported silk rose sharply this quarter.");

        assertThat(dot(query, similar)).isGreaterThan(dot(query, unrelated) + 0.1);
    }

    @Test
    void embedsABatchAsItEmbedsEachTextAlone() {
        List<String> texts = List.of("I lost my brother in the war.", "Bread costs two coppers.",
                "The dragon sleeps under the mountain.", "Meet me at the tavern at dusk.");

        Embedder.Embeddings batch = model.embed(texts, OptionalInt.empty());

        assertThat(batch.vectors()).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.vectors().get(i)).containsExactly(single(texts.get(i)), within(1e-5f));
        }
        assertThat(batch.promptTokens()).isPositive();
    }

    @Test
    void refusesADimensionItCannotMake() {
        assertThatThrownBy(() -> model.embed(List.of("hello"), OptionalInt.of(256)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.code()).isEqualTo("embedding_dimensions_unsupported");
                });
    }

    private static float[] single(String text) {
        return model.embed(List.of(text), OptionalInt.empty()).vectors().getFirst();
    }

    /** Cosine similarity, as the vectors are normalised. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
