package dev.gaia.model.provider;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    private final Map<String, OpenAiCompatibleProvider> servers;

    public ProviderRegistry(ModelProperties properties, RestClient.Builder restClientBuilder, JsonMapper jsonMapper) {
        this.openAi = properties.openai().configured()
                ? new OpenAiCompatibleProvider("openai", properties.openai(), ProviderFailures.OPENAI,
                        restClientBuilder, jsonMapper)
                : null;
        this.servers = properties.servers().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, server -> new OpenAiCompatibleProvider(server.getKey(),
                        server.getValue().asOpenAi(), ProviderFailures.server(server.getKey()), restClientBuilder,
                        jsonMapper)));
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

    /** The OpenAI-compatible server configured under this name in {@code gaia.model.servers}, if any. */
    public Optional<OpenAiCompatibleProvider> server(String name) {
        return Optional.ofNullable(servers.get(name));
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
        servers.values().forEach(OpenAiCompatibleProvider::close);
    }
}
