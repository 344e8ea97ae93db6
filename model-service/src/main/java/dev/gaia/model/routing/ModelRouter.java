package dev.gaia.model.routing;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.provider.OpenAiCompatibleProvider;
import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Decides which provider and model answer a request. A model named {@code openai/<model>},
 * {@code anthropic/<model>} or {@code ollama/<model>} goes to that provider. Otherwise a request
 * names a model of the OpenAI-compatible provider,
 * or the role {@code chat}, or nothing; the last two mean the configured chat model.
 */
@Service
public class ModelRouter {

    /** The role whose model answers conversations. */
    public static final String CHAT_ROLE = "chat";

    static final String NOT_CONFIGURED = "No model provider is configured, so Gaia cannot generate replies."
            + " Set GAIA_OPENAI_BASE_URL to an OpenAI-compatible API including /v1, GAIA_OPENAI_API_KEY if it"
            + " needs a key, and GAIA_CHAT_MODEL to the model that answers chat, then restart with"
            + " './gaia down && ./gaia up'. OpenAI: GAIA_OPENAI_BASE_URL=https://api.openai.com/v1"
            + " GAIA_OPENAI_API_KEY=sk-... GAIA_CHAT_MODEL=gpt-4o-mini. A local llama.cpp server:"
            + " GAIA_OPENAI_BASE_URL=http://localhost:8080/v1 GAIA_CHAT_MODEL=local (no key)."
            + " Ollama: GAIA_OPENAI_BASE_URL=http://localhost:11434/v1 GAIA_CHAT_MODEL=llama3.2 (no key).";

    static final String NO_CHAT_MODEL = "No chat model is configured, so a request that names no model (or"
            + " the role 'chat') cannot be answered. Set GAIA_CHAT_MODEL to a model of the provider at"
            + " GAIA_OPENAI_BASE_URL (gpt-4o-mini at OpenAI, llama3.2 in Ollama) and restart with"
            + " './gaia down && ./gaia up', or name the model in the request.";

    static final String ANTHROPIC_NOT_CONFIGURED = "Anthropic is not configured, so a model named 'anthropic/...'"
            + " cannot answer. Set GAIA_ANTHROPIC_API_KEY to an Anthropic API key (and GAIA_ANTHROPIC_BASE_URL if"
            + " it is not https://api.anthropic.com), then restart with './gaia down && ./gaia up'.";

    private final ProviderRegistry providers;
    private final @Nullable String chatModel;

    ModelRouter(ProviderRegistry providers, ModelProperties properties) {
        this.providers = providers;
        this.chatModel = properties.openai().chatModel();
    }

    /** The provider and model for a request's {@code model} field. */
    public Route route(@Nullable String requestedModel) {
        Route named = providerNamedIn(requestedModel);
        if (named != null) {
            return named;
        }
        OpenAiCompatibleProvider provider = provider();
        if (requestedModel == null || requestedModel.isBlank() || requestedModel.strip().equals(CHAT_ROLE)) {
            if (chatModel == null) {
                throw ProblemException.unavailable("model_provider_not_configured", NO_CHAT_MODEL);
            }
            return new Route(provider, chatModel);
        }
        return new Route(provider, requestedModel.strip());
    }

    /**
     * The route for {@code <provider>/<model>}, or nothing when the name starts with no known
     * provider: OpenAI-compatible servers have models such as {@code meta-llama/Llama-3.1-8B}.
     */
    private @Nullable Route providerNamedIn(@Nullable String requestedModel) {
        if (requestedModel == null) {
            return null;
        }
        String name = requestedModel.strip();
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            return null;
        }
        String model = name.substring(slash + 1);
        return switch (name.substring(0, slash)) {
            case "openai" -> new Route(provider(), model);
            case "anthropic" -> new Route(providers.anthropic().orElseThrow(() -> ProblemException.unavailable(
                    "model_provider_not_configured", ANTHROPIC_NOT_CONFIGURED)), model);
            case "ollama" -> new Route(providers.ollama(), model);
            default -> null;
        };
    }

    /** The provider that answers when a request names no other. */
    public OpenAiCompatibleProvider provider() {
        return providers.openAi().orElseThrow(
                () -> ProblemException.unavailable("model_provider_not_configured", NOT_CONFIGURED));
    }
}
