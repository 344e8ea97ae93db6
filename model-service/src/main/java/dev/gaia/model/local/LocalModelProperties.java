package dev.gaia.model.local;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How model-service runs GGUF models in process, bound from {@code gaia.model.local.*}.
 *
 * @param modelsDir the folder of {@code .gguf} files; env {@code GAIA_MODELS_DIR}
 * @param memoryBudget how much memory the loaded models may take together; a model that does not
 *        fit beside the loaded ones is swapped in for them once their calls have ended; env
 *        {@code GAIA_MODEL_MEMORY_BUDGET}
 * @param contextMemory what a loaded model takes beyond its file (context and KV cache), counted
 *        against the budget
 * @param contextSize the tokens of context each concurrent call of a model gets
 * @param threads the CPU threads a model generates with; 0 = one per core
 * @param maxConcurrent how many calls one model answers at once
 * @param maxQueued how many calls may wait for a model (its turn, or its swap); more are refused
 *        with 429 at once
 * @param maxQueueWait how long a call waits for its model before it is refused with 429
 * @param defaultMaxTokens the tokens generated at most when a request names no {@code max_tokens}
 */
@ConfigurationProperties("gaia.model.local")
public record LocalModelProperties(
        @DefaultValue("models") Path modelsDir,
        @DefaultValue("8GB") DataSize memoryBudget,
        @DefaultValue("512MB") DataSize contextMemory,
        @DefaultValue("4096") int contextSize,
        @DefaultValue("0") int threads,
        @DefaultValue("2") int maxConcurrent,
        @DefaultValue("16") int maxQueued,
        @DefaultValue("60s") Duration maxQueueWait,
        @DefaultValue("512") int defaultMaxTokens) {

    public LocalModelProperties {
        if (contextSize < 16 || threads < 0 || maxConcurrent < 1 || maxQueued < 0 || defaultMaxTokens < 1) {
            throw new IllegalArgumentException("gaia.model.local: context-size must be at least 16, threads at least 0,"
                    + " max-concurrent at least 1, max-queued at least 0 and default-max-tokens at least 1");
        }
        if (memoryBudget.toBytes() <= 0 || maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("gaia.model.local.memory-budget (GAIA_MODEL_MEMORY_BUDGET) and"
                    + " max-queue-wait must be positive");
        }
    }

    /** The CPU threads to generate with. */
    int generationThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
