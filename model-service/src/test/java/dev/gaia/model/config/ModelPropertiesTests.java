package dev.gaia.model.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelPropertiesTests {

    @Test
    void unsetEnvironmentVariablesMeanNoProvider() {
        ModelProperties properties = bind(Map.of("gaia.model.openai.base-url", "", "gaia.model.openai.api-key", "",
                "gaia.model.openai.chat-model", " "));

        assertThat(properties.openai().configured()).isFalse();
        assertThat(properties.openai().apiKey()).isNull();
        assertThat(properties.openai().chatModel()).isNull();
        assertThat(properties.openai().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBaseUrlConfiguresTheProvider() {
        ModelProperties properties = bind(Map.of("gaia.model.openai.base-url", "http://localhost:11434/v1/",
                "gaia.model.openai.chat-model", "llama3.2"));

        assertThat(properties.openai().configured()).isTrue();
        assertThat(properties.openai().baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
        assertThat(properties.openai().chatModel()).isEqualTo("llama3.2");
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of("gaia.model.openai.base-url", "localhost:8080/v1")))
                .havingRootCause().withMessageContaining("GAIA_OPENAI_BASE_URL");
    }

    @Test
    void neverShowsTheApiKey() {
        ModelProperties properties = bind(Map.of("gaia.model.openai.base-url", "https://api.openai.com/v1",
                "gaia.model.openai.api-key", "sk-secret-value"));

        assertThat(properties.toString()).doesNotContain("sk-secret-value").contains("******");
    }

    @Test
    void anthropicNeedsAKeyAndDefaultsToItsPublicApi() {
        ModelProperties unset = bind(Map.of("gaia.model.anthropic.api-key", " ", "gaia.model.anthropic.base-url", ""));
        ModelProperties set = bind(Map.of("gaia.model.anthropic.api-key", "sk-ant-secret",
                "gaia.model.anthropic.base-url", "http://127.0.0.1:9999/"));

        assertThat(unset.anthropic().configured()).isFalse();
        assertThat(unset.anthropic().baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(unset.anthropic().defaultMaxTokens()).isEqualTo(4096);
        assertThat(set.anthropic().configured()).isTrue();
        assertThat(set.anthropic().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(set.toString()).doesNotContain("sk-ant-secret");
    }

    @Test
    void ollamaDefaultsToTheLocalServerAndDropsAV1Suffix() {
        assertThat(bind(Map.of("gaia.model.ollama.base-url", "")).ollama().baseUrl())
                .isEqualTo(URI.create("http://localhost:11434"));
        assertThat(bind(Map.of("gaia.model.ollama.base-url", "http://gpu-box:11434/v1/")).ollama().baseUrl())
                .isEqualTo(URI.create("http://gpu-box:11434"));
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of("gaia.model.ollama.base-url", "gpu-box:11434")))
                .havingRootCause().withMessageContaining("GAIA_OLLAMA_BASE_URL");
    }

    private static ModelProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("gaia.model", ModelProperties.class);
    }
}
