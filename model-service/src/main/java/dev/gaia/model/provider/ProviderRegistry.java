package dev.gaia.model.provider;

import java.util.Optional;

import dev.gaia.model.config.ModelProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The providers configured for this deployment, built once at start-up and closed at shutdown. */
@Component
public class ProviderRegistry implements AutoCloseable {

    private final @Nullable OpenAiCompatibleProvider openAi;

    public ProviderRegistry(ModelProperties properties, RestClient.Builder restClientBuilder, JsonMapper jsonMapper) {
        this.openAi = properties.openai().configured()
                ? new OpenAiCompatibleProvider(properties.openai(), restClientBuilder, jsonMapper)
                : null;
    }

    /** The OpenAI-compatible provider, unless none is configured. */
    public Optional<OpenAiCompatibleProvider> openAi() {
        return Optional.ofNullable(openAi);
    }

    @Override
    public void close() {
        if (openAi != null) {
            openAi.close();
        }
    }
}
