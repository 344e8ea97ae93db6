package dev.gaia.model.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.model.resilience.ProviderGuards;
import dev.gaia.model.routing.ModelRouter;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The embedding models model-service can answer with, and which one a request's {@code model}
 * means: nothing or the role {@code embedding} is the configured default; {@code onnx/...} is
 * a model bundled with model-service and run in process (also by its bare name);
 * {@code openai/<name>}, or any other bare name, is the OpenAI-compatible provider's model of
 * that name.
 */
@Component
public class EmbeddingModels {

    /** Provider models remembered at once; the least used beyond these learn their dimension again. */
    private static final int MAX_PROVIDER_MODELS = 64;

    /** The default unless {@code GAIA_EMBEDDING_MODEL} names another: bundled, so it works offline. */
    public static final String DEFAULT_MODEL = "onnx/bge-small-en-v1.5-int8-fused";

    private final InProcessEmbedders bundled;
    private final ProviderRegistry providers;
    private final ProviderGuards guards;
    private final String defaultId;
    private final OptionalInt defaultDimensions;
    /**
     * The provider's models asked for so far, each with the dimension learnt from its answers;
     * bounded, since any caller may name any model.
     */
    private final Cache<String, ProviderEmbedder> providerModels = Caffeine.newBuilder()
            .maximumSize(MAX_PROVIDER_MODELS).build();

    /** Loads the default model now if it is a bundled one, so that the first request does not wait for it. */
    EmbeddingModels(InProcessEmbedders bundled, EmbeddingProperties properties, ProviderRegistry providers,
            ProviderGuards guards) {
        this.bundled = bundled;
        this.providers = providers;
        this.guards = guards;
        try {
            this.defaultId = canonical(properties.model());
        }
        catch (ProblemException ex) {
            throw new IllegalArgumentException("gaia.model.embedding.model (GAIA_EMBEDDING_MODEL) is '"
                    + properties.model() + "', but the models bundled with model-service are "
                    + OnnxEmbedder.Bundled.ids() + "; a provider's model is named openai/<model>", ex);
        }
        this.defaultDimensions = properties.dimensions() == null
                ? OptionalInt.empty() : OptionalInt.of(properties.dimensions());
        OnnxEmbedder.Bundled.named(defaultId).ifPresent(model -> {
            if (defaultDimensions.isPresent() && defaultDimensions.getAsInt() != OnnxEmbedder.Bundled.DIMENSIONS) {
                throw new IllegalArgumentException("gaia.model.embedding.dimensions (GAIA_EMBEDDING_DIMENSIONS) is "
                        + defaultDimensions.getAsInt() + ", but " + defaultId + " makes vectors of "
                        + OnnxEmbedder.Bundled.DIMENSIONS + " dimensions; leave it unset for a bundled model");
            }
            bundled.get(model);
        });
    }

    /** The model a request's {@code model} field names. */
    Embedder resolve(@Nullable String requested) {
        boolean named = requested != null && !requested.isBlank() && !requested.strip().equals(ModelRouter.EMBEDDING_ROLE);
        String id = named ? canonical(requested.strip()) : defaultId;
        var inProcess = OnnxEmbedder.Bundled.named(id);
        if (inProcess.isPresent()) {
            return bundled.get(inProcess.get());
        }
        if (providers.openAi().isEmpty()) {
            if (named && !requested.strip().startsWith(ProviderEmbedder.PREFIX) && !id.equals(defaultId)) {
                throw unknown(requested.strip());
            }
            throw ProblemException.unavailable("model_provider_not_configured", "The embedding model " + id
                    + " belongs to the OpenAI-compatible provider, and none is configured. Set GAIA_OPENAI_BASE_URL"
                    + " (and GAIA_OPENAI_API_KEY if it needs one) and restart model-service, or ask for one of "
                    + OnnxEmbedder.Bundled.ids() + ", which run in process.");
        }
        return providerModels.get(id, key -> new ProviderEmbedder(providers.openAi().orElseThrow(), guards,
                key.substring(ProviderEmbedder.PREFIX.length()),
                key.equals(defaultId) ? defaultDimensions : OptionalInt.empty()));
    }

    /** The embedding models to list at {@code GET /v1/models}: the bundled ones and the configured default. */
    public List<EmbeddingModelDescription> describe() {
        List<EmbeddingModelDescription> models = new ArrayList<>();
        for (OnnxEmbedder.Bundled model : OnnxEmbedder.Bundled.values()) {
            models.add(new EmbeddingModelDescription(model.id(), OnnxEmbedder.Bundled.DIMENSIONS,
                    defaultId.equals(model.id())));
        }
        if (OnnxEmbedder.Bundled.named(defaultId).isEmpty()) {
            OptionalInt dimensions = providers.openAi().isPresent() ? resolve(defaultId).dimensions() : defaultDimensions;
            models.add(new EmbeddingModelDescription(defaultId,
                    dimensions.isPresent() ? dimensions.getAsInt() : null, true));
        }
        return models;
    }

    /** The model's name with its provider prefix. */
    private String canonical(String name) {
        var inProcess = OnnxEmbedder.Bundled.named(name);
        if (inProcess.isPresent()) {
            return inProcess.get().id();
        }
        if (name.startsWith(OnnxEmbedder.Bundled.PREFIX)) {
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
                + "'. Ask for one of " + OnnxEmbedder.Bundled.ids() + " (in process), the role 'embedding' (the"
                + " configured default) or openai/<model> where an OpenAI-compatible provider is configured.");
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
