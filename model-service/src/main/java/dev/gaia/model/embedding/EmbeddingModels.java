package dev.gaia.model.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.model.resilience.ProviderGuards;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The embedding models model-service can answer with, and which one a request's {@code model}
 * means: nothing or the role {@code embedding} is the configured default; {@code onnx/...} is
 * the in-process model (also by its bare name); {@code openai/<name>}, or any other bare name,
 * is the OpenAI-compatible provider's model of that name.
 */
@Component
public class EmbeddingModels {

    /** The role whose model answers embedding requests that name no model. */
    public static final String EMBEDDING_ROLE = "embedding";

    /** The in-process model, and the default unless {@code GAIA_EMBEDDING_MODEL} names another. */
    public static final String DEFAULT_MODEL = "onnx/bge-small-en-v1.5";

    private static final String ONNX_PREFIX = "onnx/";

    private final OnnxEmbedder local;
    private final ProviderRegistry providers;
    private final ProviderGuards guards;
    private final String defaultId;
    private final OptionalInt defaultDimensions;
    private final Map<String, ProviderEmbedder> providerModels = new ConcurrentHashMap<>();

    EmbeddingModels(OnnxEmbedder local, EmbeddingProperties properties, ProviderRegistry providers,
            ProviderGuards guards) {
        this.local = local;
        this.providers = providers;
        this.guards = guards;
        try {
            this.defaultId = canonical(properties.model());
        }
        catch (ProblemException ex) {
            throw new IllegalArgumentException("gaia.model.embedding.model (GAIA_EMBEDDING_MODEL) is '"
                    + properties.model() + "', but the in-process model model-service ships is " + local.id()
                    + "; a provider's model is named openai/<model>", ex);
        }
        this.defaultDimensions = properties.dimensions() == null
                ? OptionalInt.empty() : OptionalInt.of(properties.dimensions());
        if (defaultId.equals(local.id()) && defaultDimensions.isPresent()
                && !defaultDimensions.equals(local.dimensions())) {
            throw new IllegalArgumentException("gaia.model.embedding.dimensions (GAIA_EMBEDDING_DIMENSIONS) is "
                    + defaultDimensions.getAsInt() + ", but " + local.id() + " makes vectors of "
                    + local.dimensions().orElseThrow() + " dimensions; leave it unset for the in-process model");
        }
    }

    /** The model a request's {@code model} field names. */
    Embedder resolve(@Nullable String requested) {
        boolean named = requested != null && !requested.isBlank() && !requested.strip().equals(EMBEDDING_ROLE);
        String id = named ? canonical(requested.strip()) : defaultId;
        if (id.equals(local.id())) {
            return local;
        }
        if (providers.openAi().isEmpty()) {
            if (named && !requested.strip().startsWith(ProviderEmbedder.PREFIX) && !id.equals(defaultId)) {
                throw unknown(requested.strip());
            }
            throw ProblemException.unavailable("model_provider_not_configured", "The embedding model " + id
                    + " belongs to the OpenAI-compatible provider, and none is configured. Set GAIA_OPENAI_BASE_URL"
                    + " (and GAIA_OPENAI_API_KEY if it needs one) and restart model-service, or ask for " + local.id()
                    + ", which runs in process.");
        }
        return providerModels.computeIfAbsent(id, key -> new ProviderEmbedder(providers.openAi().orElseThrow(), guards,
                key.substring(ProviderEmbedder.PREFIX.length()),
                key.equals(defaultId) ? defaultDimensions : OptionalInt.empty()));
    }

    /** The embedding models to list at {@code GET /v1/models}: the in-process one and the configured default. */
    public List<EmbeddingModelDescription> describe() {
        List<EmbeddingModelDescription> models = new ArrayList<>();
        models.add(new EmbeddingModelDescription(local.id(), local.dimensions().orElseThrow(),
                defaultId.equals(local.id())));
        if (!defaultId.equals(local.id())) {
            OptionalInt dimensions = providers.openAi().isPresent() ? resolve(defaultId).dimensions() : defaultDimensions;
            models.add(new EmbeddingModelDescription(defaultId,
                    dimensions.isPresent() ? dimensions.getAsInt() : null, true));
        }
        return models;
    }

    /** The model's name with its provider prefix. */
    private String canonical(String name) {
        if (name.equals(local.id()) || name.equals(local.id().substring(ONNX_PREFIX.length()))) {
            return local.id();
        }
        if (name.startsWith(ONNX_PREFIX)) {
            throw unknown(name);
        }
        String model = name.startsWith(ProviderEmbedder.PREFIX) ? name.substring(ProviderEmbedder.PREFIX.length())
                : name;
        if (model.isBlank()) {
            throw unknown(name);
        }
        return ProviderEmbedder.PREFIX + model;
    }

    private ProblemException unknown(String name) {
        return ProblemException.badRequest("embedding_model_unknown", "There is no embedding model '" + name
                + "'. Ask for " + local.id() + " (in process), the role 'embedding' (the configured default, "
                + defaultIdOrLocal() + ") or openai/<model> where an OpenAI-compatible provider is configured.");
    }

    private String defaultIdOrLocal() {
        return defaultId == null ? local.id() : defaultId;
    }

    /**
     * An embedding model as {@code GET /v1/models} lists it.
     *
     * @param id the model's name with its provider prefix
     * @param dimensions the length of its vectors, unless Gaia learns it from the model's first answer
     * @param isDefault whether requests that name no model (or the role {@code embedding}) get it
     */
    public record EmbeddingModelDescription(String id, @Nullable Integer dimensions, boolean isDefault) {
    }
}
