package dev.gaia.model.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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

    private ModelRouter router(@Nullable String baseUrl, @Nullable String chatModel) {
        ModelProperties properties = new ModelProperties(new ModelProperties.OpenAi(
                baseUrl == null ? null : URI.create(baseUrl), null, chatModel, Duration.ofSeconds(1)));
        ProviderRegistry registry = new ProviderRegistry(properties, RestClient.builder(), JsonMapper.shared());
        registries.add(registry);
        return new ModelRouter(registry, properties);
    }
}
