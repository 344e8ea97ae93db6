package dev.gaia.model.provider;

import java.util.Optional;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.provider.anthropic.AnthropicProvider;
import dev.gaia.model.provider.ollama.OllamaProvider;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The providers configured for this deployment, built once at start-up and closed at shutdown. */
@Component
public class ProviderRegistry implements AutoCloseable {

    private final @Nullable OpenAiCompatibleProvider openAi;
    private final @Nullable AnthropicProvider anthropic;
    private final OllamaProvider ollama;

    public ProviderRegistry(ModelProperties properties, RestClient.Builder restClientBuilder, JsonMapper jsonMapper) {
        this.openAi = properties.openai().configured()
                ? new OpenAiCompatibleProvider(properties.openai(), ProviderFailures.OPENAI, restClientBuilder,
                        jsonMapper)
                : null;
        this.anthropic = properties.anthropic().configured()
                ? new AnthropicProvider(properties.anthropic(), restClientBuilder, jsonMapper)
                : null;
        this.ollama = new OllamaProvider(properties.ollama(), restClientBuilder, jsonMapper);
    }

    /** The OpenAI-compatible provider, unless none is configured. */
    public Optional<OpenAiCompatibleProvider> openAi() {
        return Optional.ofNullable(openAi);
    }

    /** Anthropic's Messages API, unless no key is configured. */
    public Optional<AnthropicProvider> anthropic() {
        return Optional.ofNullable(anthropic);
    }

    /** The Ollama server, at its default address unless another is configured. */
    public OllamaProvider ollama() {
        return ollama;
    }

    @Override
    public void close() {
        if (openAi != null) {
            openAi.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
        ollama.close();
    }
}
