package dev.gaia.model.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.gaia.shared.problem.ProblemException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;

/**
 * An ONNX sentence-embedding model run in this JVM by ONNX Runtime, its weights and tokenizer
 * read from a Maven artifact on the classpath: no network, no key. The texts of one batch are
 * embedded in parallel, one thread per core, one text per thread.
 */
final class OnnxEmbedder implements Embedder, AutoCloseable {

    /**
     * The models shipped with model-service: BAAI's bge-small-en-v1.5 (384 dimensions, CLS
     * pooling, normalised vectors), chosen over all-MiniLM-L6-v2 by its recall on LoCoMo, in two
     * builds (see {@code bench/results/embedding-models.md}). Both read the same tokenizer.
     */
    enum Bundled {

        /**
         * Gaia's int8 build (module {@code embedding-model}), the default: each layer's operations
         * fused, weights quantised per channel. A short query takes about a third of the
         * full-precision build's time, and its recall on LoCoMo is within a point of it. One
         * text's run spreads over up to two cores.
         */
        BGE_SMALL_EN_V15_INT8_FUSED("onnx/bge-small-en-v1.5-int8-fused", "gaia/embedding/bge-small-en-v1.5-int8-fused.onnx",
                Math.min(2, Runtime.getRuntime().availableProcessors())),

        /** langchain4j's full-precision build: the best recall, three times the time; a run spreads over up to four cores. */
        BGE_SMALL_EN_V15("onnx/bge-small-en-v1.5", "bge-small-en-v1.5.onnx",
                Math.min(4, Runtime.getRuntime().availableProcessors()));

        /** The prefix of their names in Gaia. */
        static final String PREFIX = "onnx/";

        /** The length of the vectors of every bundled model. */
        static final int DIMENSIONS = 384;

        /** The tokenizer of bge-small-en-v1.5, from langchain4j's artifact. */
        private static final String TOKENIZER = "bge-small-en-v1.5-tokenizer.json";

        private final String id;
        private final String weights;
        private final int runThreads;

        Bundled(String id, String weights, int runThreads) {
            this.id = id;
            this.weights = weights;
            this.runThreads = runThreads;
        }

        /** The bundled model a request's name means, with or without the prefix {@code onnx/}. */
        static Optional<Bundled> named(String name) {
            return Arrays.stream(values())
                    .filter(model -> model.id.equals(name) || model.id.substring(PREFIX.length()).equals(name))
                    .findFirst();
        }

        /** The names of all bundled models, for messages. */
        static String ids() {
            return Arrays.stream(values()).map(Bundled::id).collect(Collectors.joining(", "));
        }

        /** The model's name in Gaia, with its prefix {@code onnx/}. */
        String id() {
            return id;
        }

        /** Loads the model: a second or two, and its weights' size in native memory. */
        OnnxEmbedder load() {
            return OnnxEmbedder.load(id, weights, TOKENIZER, PoolingMode.CLS, runThreads);
        }
    }

    private final String id;
    private final AbstractInProcessEmbeddingModel model;
    private final int dimensions;
    private final ExecutorService executor;
    private final OrtSession session;

    private OnnxEmbedder(String id, AbstractInProcessEmbeddingModel model, ExecutorService executor,
            OrtSession session) {
        this.id = id;
        this.model = model;
        this.dimensions = model.dimension();
        this.executor = executor;
        this.session = session;
    }

    /**
     * Loads a model whose weights and tokenizer are classpath resources. The library's own
     * loader reads the weights into the Java heap (twice over, 133 MB for bge-small), more
     * than a service's heap holds; ONNX Runtime reads them from a file into native memory
     * instead, so they are copied to a temporary file that is deleted once loaded. A run uses
     * up to {@code runThreads} cores. Within a run ONNX Runtime's threads spin between their
     * steps, which are tens of microseconds each, rather than sleep and wake; once the run ends
     * they sleep, so they take no core from the rest of the service between runs.
     */
    private static OnnxEmbedder load(String id, String weights, String tokenizer, PoolingMode pooling,
            int runThreads) {
        ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("gaia-embedding-", 0).daemon().factory());
        try {
            Path file = Files.createTempFile("gaia-embedding-", ".onnx");
            try (InputStream model = resource(weights); InputStream vocabulary = resource(tokenizer);
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                Files.copy(model, file, StandardCopyOption.REPLACE_EXISTING);
                options.setIntraOpNumThreads(runThreads);
                options.addConfigEntry("session.intra_op.allow_spinning", "1");
                options.addConfigEntry("session.force_spinning_stop", "1");
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(file.toString(), options);
                OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, vocabulary, pooling);
                return new OnnxEmbedder(id, new InProcessModel(encoder, executor), executor, session);
            }
            finally {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ex) {
            executor.shutdownNow();
            throw new UncheckedIOException("Could not load the embedding model " + id, ex);
        }
        catch (OrtException | RuntimeException ex) {
            executor.shutdownNow();
            throw new IllegalStateException("Could not load the embedding model " + id, ex);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath: is the embedding-model or langchain4j-embeddings"
                    + " artifact missing?");
        }
        return in;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public OptionalInt dimensions() {
        return OptionalInt.of(dimensions);
    }

    @Override
    public Embeddings embed(List<String> texts, OptionalInt requestedDimensions) {
        if (requestedDimensions.isPresent() && requestedDimensions.getAsInt() != dimensions) {
            throw ProblemException.badRequest("embedding_dimensions_unsupported", id + " makes vectors of "
                    + dimensions + " dimensions only; leave out 'dimensions' or ask for " + dimensions + ".");
        }
        Response<List<Embedding>> response = model.embedAll(texts.stream().map(TextSegment::from).toList());
        TokenUsage usage = response.tokenUsage();
        Integer tokens = usage == null ? null : usage.inputTokenCount();
        return new Embeddings(response.content().stream().map(Embedding::vector).toList(),
                tokens == null ? 0 : tokens);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            session.close();
        }
        catch (OrtException ex) {
            throw new IllegalStateException("Could not release the embedding model " + id, ex);
        }
    }

    /** langchain4j's in-process model around an encoder loaded as above. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        InProcessModel(OnnxBertBiEncoder encoder, ExecutorService executor) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
