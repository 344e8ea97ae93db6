package dev.gaia.model.embedding;

import java.util.List;
import java.util.OptionalInt;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every bundled model, each through the same checks. */
class OnnxEmbedderTests {

    private static final InProcessEmbedders bundled = new InProcessEmbedders();

    @AfterAll
    static void release() {
        bundled.close();
    }

    @ParameterizedTest
    @EnumSource(OnnxEmbedder.Bundled.class)
    void givesTheSameVectorForTheSameText(OnnxEmbedder.Bundled which) {
        OnnxEmbedder model = bundled.get(which);
        float[] first = single(model, "The blacksmith forges a sword for the king.");
        float[] second = single(model, "The blacksmith forges a sword for the king.");

        assertThat(second).containsExactly(first);
    }

    @ParameterizedTest
    @EnumSource(OnnxEmbedder.Bundled.class)
    void makesNormalisedVectorsOfItsDimension(OnnxEmbedder.Bundled which) {
        OnnxEmbedder model = bundled.get(which);
        float[] vector = single(model, "Elena keeps the lighthouse on the northern cliffs.");

        assertThat(model.dimensions()).hasValue(384);
        assertThat(vector).hasSize(384);
        assertThat(Math.sqrt(dot(vector, vector))).isCloseTo(1.0, within(1e-4));
    }

    @ParameterizedTest
    @EnumSource(OnnxEmbedder.Bundled.class)
    void putsSimilarTextsCloserThanUnrelatedOnes(OnnxEmbedder.Bundled which) {
        OnnxEmbedder model = bundled.get(which);
        float[] query = single(model, "Where does the old fisherman live?");
        float[] similar = single(model, "The fisherman has lived in the hut by the harbour for forty years.");
        float[] unrelated = single(model, "Tax rates on imported silk rose sharply this quarter.");

        assertThat(dot(query, similar)).isGreaterThan(dot(query, unrelated) + 0.1);
    }

    @ParameterizedTest
    @EnumSource(OnnxEmbedder.Bundled.class)
    void embedsABatchAsItEmbedsEachTextAlone(OnnxEmbedder.Bundled which) {
        OnnxEmbedder model = bundled.get(which);
        List<String> texts = List.of("I lost my brother in the war.", "Bread costs two coppers.",
                "The dragon sleeps under the mountain.", "Meet me at the tavern at dusk.");

        Embedder.Embeddings batch = model.embed(texts, OptionalInt.empty());

        assertThat(batch.vectors()).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.vectors().get(i)).containsExactly(single(model, texts.get(i)), within(1e-5f));
        }
        assertThat(batch.promptTokens()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(OnnxEmbedder.Bundled.class)
    void refusesADimensionItCannotMake(OnnxEmbedder.Bundled which) {
        OnnxEmbedder model = bundled.get(which);
        assertThatThrownBy(() -> model.embed(List.of("hello"), OptionalInt.of(256)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.code()).isEqualTo("embedding_dimensions_unsupported");
                });
    }

    private static float[] single(OnnxEmbedder model, String text) {
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
