package dev.gaia.model.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import dev.gaia.model.local.LocalModelFiles.ModelFile;
import dev.gaia.model.openai.ChatMessage;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GGUF model loaded into memory by llama.cpp. Native calls that take long (loading,
 * generating) run on platform threads of their own, so they never hold one of the few carrier
 * threads that all of the service's virtual threads share.
 */
final class LocalModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalModel.class);
    private static final Logger llamaLog = LoggerFactory.getLogger("llama.cpp");

    private final ModelFile file;
    private final LlamaModel llama;

    private LocalModel(ModelFile file, LlamaModel llama) {
        this.file = file;
        this.llama = llama;
    }

    /**
     * Loads a model file with a context of {@code context-size} tokens for each of its
     * {@code max-concurrent} calls.
     *
     * @throws ProblemException 503 {@code local_model_failed} when llama.cpp cannot load it
     */
    static LocalModel load(ModelFile file, LocalModelProperties properties) {
        long start = System.nanoTime();
        LlamaModel llama = onPlatformThread("load " + file.name(), () -> {
            LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> llamaLog.debug("{}", message.strip()));
            return new LlamaModel(new ModelParameters()
                    .setModel(file.path().toString())
                    .setCtxSize(properties.contextSize() * properties.maxConcurrent())
                    .setParallel(properties.maxConcurrent())
                    .setThreads(properties.generationThreads())
                    .skipWarmup());
        });
        log.info("Loaded local model {} ({} MB) in {} ms", file.name(), file.sizeBytes() / (1024 * 1024),
                (System.nanoTime() - start) / 1_000_000);
        return new LocalModel(file, llama);
    }

    ModelFile file() {
        return file;
    }

    /** The prompt for a conversation, written in the model's own chat template (ChatML when it has none). */
    String prompt(List<ChatMessage> messages) {
        StringBuilder system = new StringBuilder();
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.instructs()) {
                system.append(system.isEmpty() ? "" : "\n\n").append(message.text());
            }
            else {
                turns.add(new Pair<>(message.role().equals("assistant") ? "assistant" : "user", message.text()));
            }
        }
        return llama.applyTemplate(new InferenceParameters("").setMessages(system.toString(), turns));
    }

    /** How many tokens a text is to this model. */
    int countTokens(String text) {
        return llama.encode(text).length;
    }

    /** Starts generating on a platform thread of its own; {@code onEnd} runs there once it has stopped. */
    LocalGeneration generate(String prompt, GenerationSettings settings, LocalGeneration.Listener onEnd) {
        InferenceParameters parameters = new InferenceParameters(prompt)
                .setNPredict(settings.maxTokens())
                .setTemperature(settings.temperature())
                .setTopP(settings.topP())
                .setCachePrompt(true);
        if (!settings.stop().isEmpty()) {
            parameters.setStopStrings(settings.stop().toArray(String[]::new));
        }
        if (settings.seed() != null) {
            parameters.setSeed(settings.seed());
        }
        return LocalGeneration.start(file.name(), () -> llama.generate(parameters).iterator(),
                () -> countTokens(prompt), settings.maxTokens(), onEnd);
    }

    @Override
    public void close() {
        onPlatformThread("unload " + file.name(), () -> {
            llama.close();
            return null;
        });
        log.info("Unloaded local model {}", file.name());
    }

    /** A native call that may take long, made on a platform thread while this thread waits. */
    private static <T> T onPlatformThread(String what, NativeCall<T> call) {
        FutureTask<T> task = new FutureTask<>(call::run);
        Thread.ofPlatform().name("local-model-" + what).daemon().start(task);
        try {
            return task.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("model_service_shutting_down",
                    "model-service stopped while it was to " + what + "; retry it.");
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof ProblemException problem) {
                throw problem;
            }
            log.warn("llama.cpp could not {}", what, cause);
            throw ProblemException.unavailable("local_model_failed", "llama.cpp could not " + what + ": "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName())
                    + ". Check that the file is a complete GGUF model (a download that broke off is not).");
        }
    }

    @FunctionalInterface
    private interface NativeCall<T> {

        T run() throws Exception;
    }

    /**
     * How to sample an answer.
     *
     * @param maxTokens the most tokens to generate
     * @param temperature sampling temperature
     * @param topP nucleus sampling mass
     * @param stop texts that end the answer
     * @param seed the sampler's seed, for a repeatable answer
     */
    record GenerationSettings(int maxTokens, float temperature, float topP, List<String> stop,
            @Nullable Integer seed) {
    }
}
