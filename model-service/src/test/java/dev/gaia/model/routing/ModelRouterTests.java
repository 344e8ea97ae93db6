package dev.gaia.model.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.local.LocalModelProperties;
import dev.gaia.model.local.LocalModelProvider;
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
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelRouterTests {

    private static final UUID GAME = UUID.randomUUID();

    private final List<ProviderRegistry> registries = new ArrayList<>();

    @AfterEach
    void closeProviders() {
        registries.forEach(ProviderRegistry::close);
    }

    @Test
    void sendsNoModelAndTheChatRoleToTheChatModel() {
        ModelRouter router = router("http://127.0.0.1:9/v1", "gpt-4o-mini");

        assertThat(firstRoute(router, null).model()).isEqualTo("gpt-4o-mini");
        assertThat(firstRoute(router, " ").model()).isEqualTo("gpt-4o-mini");
        assertThat(firstRoute(router, "chat").model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void sendsALocalModelToTheInProcessEngine() {
        ModelRouter router = router(null, null);

        Route route = firstRoute(router, "local/tinyllama.Q4_K_M.gguf");

        assertThat(route.provider()).isInstanceOf(LocalModelProvider.class);
        assertThat(route.model()).isEqualTo("tinyllama.Q4_K_M.gguf");
    }

    @Test
    void takesAChatModelThatNamesItsProviderAsItIs() {
        ModelRouter router = router(Map.of("gaia.model.openai.chat-model", "local/elena.gguf"));

        assertThat(router.plan(GAME, "chat").models()).containsExactly("local/elena.gguf");
    }

    @Test
    void answersASwitchedRoleFirstWithTheModelItWasSwitchedTo() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.openai.chat-model", "gpt-4o-mini", "gaia.model.roles.summary", "ollama/llama3.2"));

        router.switchRole(GAME, "summary", "local/summary.gguf");
        router.switchRole(GAME, "chat", "local/chat.gguf");

        assertThat(router.plan(GAME, "summary").models()).containsExactly("local/summary.gguf", "ollama/llama3.2");
        assertThat(router.plan(GAME, null).models()).containsExactly("local/chat.gguf", "openai/gpt-4o-mini");
        assertThat(router.switchedRoles(GAME)).containsOnly(Map.entry("summary", "local/summary.gguf"),
                Map.entry("chat", "local/chat.gguf"));
        UUID otherGame = UUID.randomUUID();
        assertThat(router.plan(otherGame, "summary").models()).as("another game's requests")
                .containsExactly("ollama/llama3.2");
        assertThat(router.switchedRoles(otherGame)).isEmpty();
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.switchRole(GAME, "embedding", "x"))
                .satisfies(problem -> assertThat(problem.code()).isEqualTo("model_role_unknown"));
    }

    @Test
    void answersAResetRoleWithItsConfiguredModelsAgain() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.openai.chat-model", "gpt-4o-mini", "gaia.model.roles.summary", "ollama/llama3.2"));
        router.switchRole(GAME, "summary", "local/summary.gguf");

        router.resetRole(GAME, "summary");

        assertThat(router.plan(GAME, "summary").models()).containsExactly("ollama/llama3.2");
        assertThat(router.switchedRoles(GAME)).isEmpty();
        router.resetRole(UUID.randomUUID(), "summary");
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.resetRole(GAME, "embedding"))
                .satisfies(problem -> assertThat(problem.code()).isEqualTo("model_role_unknown"));
    }

    @Test
    void sendsANamedModelAsNamed() {
        ModelRouter router = router("http://127.0.0.1:9/v1", "gpt-4o-mini");

        assertThat(firstRoute(router, "gpt-4o").model()).isEqualTo("gpt-4o");
    }

    @Test
    void explainsHowToConfigureAProviderWhenThereIsNone() {
        ModelRouter router = router(null, null);

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> firstRoute(router, "chat"))
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

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> firstRoute(router, null))
                .satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("model_provider_not_configured");
                    assertThat(problem.getMessage()).contains("GAIA_CHAT_MODEL");
                });
        assertThat(firstRoute(router, "qwen2.5").model()).isEqualTo("qwen2.5");
    }

    @Test
    void sendsAModelNamedWithItsProviderToThatProvider() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.anthropic.api-key", "sk-ant-test"));

        Route anthropic = firstRoute(router, "anthropic/claude-sonnet-4-5");
        Route ollama = firstRoute(router, "ollama/llama3.2:latest");
        Route openAi = firstRoute(router, "openai/gpt-4o-mini");

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

        Route route = firstRoute(router, "meta-llama/Llama-3.1-8B-Instruct");

        assertThat(route.provider()).isInstanceOf(OpenAiCompatibleProvider.class);
        assertThat(route.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    }

    @Test
    void explainsHowToConfigureAnthropicWhenItHasNoKey() {
        ModelRouter router = router("http://127.0.0.1:9/v1", "gpt-4o-mini");

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> firstRoute(router, "anthropic/claude-haiku-4-5"))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("model_provider_not_configured");
                    assertThat(problem.getMessage()).contains("GAIA_ANTHROPIC_API_KEY");
                });
    }

    @Test
    void reachesOllamaWithoutAnyConfiguration() {
        ModelRouter router = router(null, null);

        assertThat(firstRoute(router, "ollama/qwen2.5:0.5b").provider()).isInstanceOf(OllamaProvider.class);
    }

    @Test
    void triesTheChatModelFirstAndThenTheChatRolesModels() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.openai.chat-model", "gpt-4o-mini",
                "gaia.model.roles.chat", "anthropic/claude-3-5-haiku-latest, ollama/llama3.2,openai/gpt-4o-mini"));

        assertThat(router.plan(GAME, null)).isEqualTo(new RoutePlan("chat",
                List.of("openai/gpt-4o-mini", "anthropic/claude-3-5-haiku-latest", "ollama/llama3.2")));
        assertThat(router.plan(GAME, "CHAT").role()).isEqualTo("chat");
    }

    @Test
    void answersARoleWithoutModelsOfItsOwnAsChatAndANamedModelAlone() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.openai.chat-model", "gpt-4o-mini",
                "gaia.model.roles.scoring[0]", "ollama/qwen2.5:0.5b"));

        assertThat(router.plan(GAME, "summary")).isEqualTo(new RoutePlan("summary", List.of("openai/gpt-4o-mini")));
        assertThat(router.plan(GAME, "scoring")).isEqualTo(new RoutePlan("scoring", List.of("ollama/qwen2.5:0.5b")));
        assertThat(router.plan(GAME, "ollama/llama3.2")).isEqualTo(new RoutePlan(null, List.of("ollama/llama3.2")));
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.plan(GAME, "embedding"))
                .satisfies(problem -> assertThat(problem.code()).isEqualTo("model_role_not_for_chat"));
    }

    @Test
    void fallsBackToTheNextModelWhenOneFailsBeforeAnswering() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.roles.chat", "anthropic/claude-3-5-haiku-latest,openai/a,openai/b,ollama/c"));
        List<String> tried = new ArrayList<>();

        String answer = router.firstAnswer(router.plan(GAME, "chat"), route -> {
            tried.add(route.provider().name() + "/" + route.model());
            if (route.model().equals("a")) {
                throw ProblemException.unavailable("model_provider_unavailable", "down");
            }
            if (route.model().equals("b")) {
                throw ProblemException.tooManyRequests("model_provider_rate_limited", "slow down", "1");
            }
            return route.model();
        });

        // Anthropic has no key: not configured, so it is skipped before it is called.
        assertThat(answer).isEqualTo("c");
        assertThat(tried).containsExactly("openai/a", "openai/b", "ollama/c");
    }

    @Test
    void fallsBackFromALocalModelThatIsGoneOrCannotLoadAndFromARefusedKey() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.roles.chat", "local/deleted.gguf,local/broken.gguf,openai/a,openai/b"));
        List<String> tried = new ArrayList<>();

        String answer = router.firstAnswer(router.plan(GAME, "chat"), route -> {
            tried.add(route.model());
            return switch (route.model()) {
                case "deleted.gguf" -> throw ProblemException.notFound("local_model_not_found", "gone");
                case "broken.gguf" -> throw ProblemException.unavailable("local_model_failed", "not a GGUF");
                case "a" -> throw ProblemException.of(HttpStatus.BAD_GATEWAY, "model_provider_auth_failed", "key");
                default -> route.model();
            };
        });

        assertThat(answer).isEqualTo("b");
        assertThat(tried).containsExactly("deleted.gguf", "broken.gguf", "a", "b");
    }

    @Test
    void putsTheFallbacksARequestNamesBehindItsModelEachModelOnce() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.openai.chat-model", "gpt-4o-mini",
                "gaia.model.roles.chat", "ollama/llama3.2"));
        ModelRouter unconfigured = router(Map.of("gaia.model.ollama.base-url", "http://127.0.0.1:9"));

        assertThat(router.plan(GAME, "anthropic/claude-haiku-4-5", List.of("chat", "ollama/llama3.2")))
                .isEqualTo(new RoutePlan("chat", List.of("anthropic/claude-haiku-4-5", "openai/gpt-4o-mini",
                        "ollama/llama3.2")));
        assertThat(unconfigured.plan(GAME, "ollama/qwen2.5", List.of("chat")))
                .as("a fallback role without models adds none").isEqualTo(new RoutePlan(null, List.of("ollama/qwen2.5")));
        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> router.plan(GAME, "ollama/qwen2.5", List.of("embedding")))
                .satisfies(problem -> assertThat(problem.code()).isEqualTo("model_role_not_for_chat"));
    }

    @Test
    void routesAModelOfANamedServerToItAndAnyOtherPrefixToOpenAi() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.openai.chat-model", "groq/llama-3.1-8b-instant",
                "gaia.model.servers.groq.base-url", "http://127.0.0.1:10/openai/v1"));

        Route groq = firstRoute(router, "groq/llama-3.1-8b-instant");
        assertThat(groq.provider().name()).isEqualTo("groq");
        assertThat(groq.model()).isEqualTo("llama-3.1-8b-instant");
        assertThat(firstRoute(router, "meta-llama/Llama-3.1-8B").provider().name()).isEqualTo("openai");
        assertThat(router.plan(GAME, "chat").models()).as("GAIA_CHAT_MODEL may name a server's model")
                .containsExactly("groq/llama-3.1-8b-instant");
    }

    @Test
    void bindsAServerFromTheEnvironmentVariablesTheReadmeNames() {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "GAIA_MODEL_SERVERS_GROQ_BASEURL", "https://api.groq.com/openai/v1",
                "GAIA_MODEL_SERVERS_GROQ_APIKEY", "gsk-123"))));

        ModelProperties.Server groq = binder.bindOrCreate("gaia.model", ModelProperties.class).servers().get("groq");

        assertThat(groq.baseUrl()).hasToString("https://api.groq.com/openai/v1");
        assertThat(groq.apiKey()).isEqualTo("gsk-123");
    }

    @Test
    void refusesAServerNamedAsABuiltInProviderOrThatNoVariableCanName() {
        for (String name : List.of("anthropic", "my-vllm")) {
            Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                    "gaia.model.servers." + name + ".base-url", "http://127.0.0.1:10/v1")));

            assertThatExceptionOfType(RuntimeException.class)
                    .isThrownBy(() -> binder.bindOrCreate("gaia.model", ModelProperties.class))
                    .withStackTraceContaining("a server's name");
        }
    }

    @Test
    void refusesAFallbackChainForEmbeddings() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("gaia.model.roles.embedding",
                "openai/text-embedding-3-small,onnx/bge-small-en-v1.5")));

        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> binder.bindOrCreate("gaia.model", RoleProperties.class))
                .withStackTraceContaining("GAIA_EMBEDDING_MODEL");
    }

    @Test
    void neverFallsBackForAProblemAnotherModelShares() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.roles.chat", "openai/a,openai/b"));
        List<String> tried = new ArrayList<>();

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.firstAnswer(router.plan(GAME, "chat"),
                route -> {
                    tried.add(route.model());
                    throw ProblemException.badRequest("model_provider_rejected_request", "bad request");
                })).satisfies(problem -> assertThat(problem.code()).isEqualTo("model_provider_rejected_request"));
        assertThat(tried).containsExactly("a");
    }

    @Test
    void givesTheLastModelsProblemWhenEveryModelFailsAndNeverFallsBackForANamedModel() {
        ModelRouter router = router(Map.of("gaia.model.openai.base-url", "http://127.0.0.1:9/v1",
                "gaia.model.roles.chat", "openai/a,openai/b"));

        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.firstAnswer(router.plan(GAME, "chat"),
                route -> {
                    throw ProblemException.unavailable("model_provider_unavailable", route.model());
                })).withMessageContaining("b");
        List<String> tried = new ArrayList<>();
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> router.firstAnswer(router.plan(GAME, "openai/a"),
                route -> {
                    tried.add(route.model());
                    throw ProblemException.unavailable("model_provider_unavailable", route.model());
                }));
        assertThat(tried).containsExactly("a");
    }

    /** The route a request of the game naming {@code model} is tried on first. */
    private static Route firstRoute(ModelRouter router, @Nullable String model) {
        return router.firstAnswer(router.plan(GAME, model), route -> route);
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
        Binder binder = new Binder(new MapConfigurationPropertySource(values));
        ModelProperties properties = binder.bindOrCreate("gaia.model", ModelProperties.class);
        RoleProperties roles = binder.bindOrCreate("gaia.model", RoleProperties.class);
        ProviderRegistry registry = new ProviderRegistry(properties, RestClient.builder(), JsonMapper.shared());
        registries.add(registry);
        LocalModelProvider localModels = new LocalModelProvider(
                binder.bindOrCreate("gaia.model.local", LocalModelProperties.class), JsonMapper.shared());
        return new ModelRouter(registry, localModels, properties, roles);
    }
}
