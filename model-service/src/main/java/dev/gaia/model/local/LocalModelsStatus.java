package dev.gaia.model.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The local models: the files of the models folder, which are in memory and doing what, and the
 * memory budget they share.
 *
 * @param modelsDir the models folder
 * @param memoryBudgetBytes {@code GAIA_MODEL_MEMORY_BUDGET}
 * @param memoryUsedBytes what the models in memory take of it
 * @param queued calls waiting for a local model in all
 * @param roles the roles switched to a model at runtime
 * @param models every model file
 */
record LocalModelsStatus(String modelsDir, long memoryBudgetBytes, long memoryUsedBytes, int queued,
        Map<String, String> roles, List<Model> models) {

    /**
     * One model file.
     *
     * @param name as a request names it, after {@code local/}
     * @param sizeBytes the file's size
     * @param state {@code available} (on disk only), {@code loading}, {@code loaded} or {@code draining}
     * @param memoryBytes what it takes of the budget when in memory
     * @param inFlight calls it is answering
     * @param queued calls waiting for it
     * @param tokensPerSecond how fast it generated its last answer
     * @param loadedAt when it was loaded
     * @param lastUsedAt when it last answered
     * @param roles the roles it answers first
     */
    record Model(String name, long sizeBytes, String state, long memoryBytes, int inFlight, int queued,
            @Nullable Double tokensPerSecond, @Nullable Instant loadedAt, @Nullable Instant lastUsedAt,
            List<String> roles) {
    }
}
