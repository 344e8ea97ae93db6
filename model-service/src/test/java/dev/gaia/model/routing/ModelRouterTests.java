package dev.gaia.model.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.provider.OpenAiCompatibleProvider;
import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.model.provider.anthropic.AnthropicProvider;
import dev.gaia.model.provider.ollama.OllamaProvider;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelRouterTests {

    private final List<ProviderRegistry> registries = new ArrayList<>();

    @AfterEach
    void closeProviders() {
        registries.forEach(ProviderRegistry::close);
    }

    @Test
    void sendsNoModelAndTheChatRoleToTheChatModel() {
        ModelRouter router = router("http://127.0.0.1:9/v1", "gpt-4o-mini");

        assertThat(router.route(null).model()).isEqualTo("gpt-4o-mini");
        assertThat(router.route(" ").model()).isEqualTo("gpt-4o-mini");
        assertThat(router.route("chat").model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void sendsANamedModelAsNamed() {
        ModelRouter router = router("http://127.0.0.1:9/v1", "gpt-4o-mini");

        assertThat(router.route("gpt-4o").model()).isEqualTo("gpt-4o");
    }

    @Test
    void explainsHowToConfigureAProviderWhenThereIsNone() {
        ModelRouter router = router(null, null);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.route("chat"))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("model_provider_not_configured");
                    assertThat(problem.getMessage()).contains("GAIA_OPENAI_BASE_URL", "GAIA_OPENAI_API_KEY",
                            "GAIA_CHAT_MODEL", "./gaia down && ./gaia up", "https://api.openai.com/v1",
                            "http://localhost:11434/v1");
                });
    }

    @Test
    void explainsHowToNameTheChatModelWhenOnlyTheProviderIsConfigured() {
        ModelRouter router = router("http://127.0.0.1:9/v1", null);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.route(null))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("model_provider_not_configured");
                    assertThat(problem.getMessage()).contains("GAIA_CHAT_MODEL");
                });
        assertThat(router.route("qwen2.5").model()).isEqualTo("qwen2.5");
    }

    @Test
    void sendsAModelNamedWithItsProviderToThatProvider() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.anthropic.api-key", "sk-ant-test"));

        Route anthropic = router.route("anthropic/claude-sonnet-4-5");
        Route ollama = router.route("ollama/llama3.2:latest");
        Route openAi = router.route("openai/gpt-4o-mini");

        assertThat(anthropic.provider()).isInstanceOf(AnthropicProvider.class);
        assertThat(anthropic.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(ollama.provider()).isInstanceOf(OllamaProvider.class);
        assertThat(ollama.model()).isEqualTo("llama3.2:latest");
        assertThat(openAi.provider()).isInstanceOf(OpenAiCompatibleProvider.class);
        assertThat(openAi.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void keepsAModelWhoseNameStartsWithNoProviderForTheOpenAiCompatibleOne() {
        ModelRouter router = router("http://127.0.0.1:9/v1", null);

        Route route = router.route("meta-llama/Llama-3.1-8B-Instruct");

        assertThat(route.provider()).isInstanceOf(OpenAiCompatibleProvider.class);
        assertThat(route.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    }

    @Test
    void explainsHowToConfigureAnthropicWhenItHasNoKey() {
        ModelRouter router = router("http://127.0.0.1:9/v1", "gpt-4o-mini");

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.route("anthropic/claude-haiku-4-5"))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("model_provider_not_configured");
                    assertThat(problem.getMessage()).contains("GAIA_ANTHROPIC_API_KEY");
                });
    }

    @Test
    void reachesOllamaWithoutAnyConfiguration() {
        ModelRouter router = router(null, null);

        assertThat(router.route("ollama/qwen2.5:0.5b").provider()).isInstanceOf(OllamaProvider.class);
    }

    private ModelRouter router(@Nullable String baseUrl, @Nullable String chatModel) {
        Map<String, String> values = new HashMap<>();
        if (baseUrl != null) {
            values.put("gaia.model.openai.base-url", baseUrl);
        }
        if (chatModel != null) {
            values.put("gaia.model.openai.chat-model", chatModel);
        }
        return router(values);
    }

    private ModelRouter router(Map<String, String> values) {
        ModelProperties properties = new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("gaia.model", ModelProperties.class);
        ProviderRegistry registry = new ProviderRegistry(properties, RestClient.builder(), JsonMapper.shared());
        registries.add(registry);
        return new ModelRouter(registry, properties);
    }
}
