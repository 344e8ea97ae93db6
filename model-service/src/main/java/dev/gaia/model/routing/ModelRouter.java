package dev.gaia.model.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.local.LocalModelProvider;
import dev.gaia.model.provider.OpenAiCompatibleProvider;
import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.model.provider.ollama.OllamaProvider;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Decides which provider and model answer a request. A model named {@code openai/<model>},
 * {@code anthropic/<model>}, {@code ollama/<model>} or {@code local/<file>} goes to that provider. Otherwise a request
 * names a model of the OpenAI-compatible provider, or a role ({@code chat}, {@code summary},
 * {@code scoring}), or nothing, which means {@code chat}. A role is answered by its models in
 * {@link RoleProperties order}: one that fails before its answer starts in a way another model may
 * not ({@link #fallsBack(ProblemException)}) hands the request to the next.
 */
@Service
public class ModelRouter {

    private static final Logger log = LoggerFactory.getLogger(ModelRouter.class);

    /** The role whose model answers conversations. */
    public static final String CHAT_ROLE = "chat";

    /** The role whose model summarises conversations and memories. */
    public static final String SUMMARY_ROLE = "summary";

    /** The role whose model scores, such as how important a memory is. */
    public static final String SCORING_ROLE = "scoring";

    /** The role whose model makes embeddings, which chat completions do not answer. */
    public static final String EMBEDDING_ROLE = "embedding";

    /** The providers built in, by the names that prefix their models; servers of gaia.model.servers add theirs. */
    private static final Set<String> BUILT_IN_PROVIDERS = Set.of("openai", "anthropic", OllamaProvider.NAME,
            LocalModelProvider.NAME);

    /** The roles a chat model answers, which can be switched to another model at runtime. */
    public static final List<String> SWITCHABLE_ROLES = List.of(CHAT_ROLE, SUMMARY_ROLE, SCORING_ROLE);

    /**
     * The problems of a model that another model of the role may not share: it could not be
     * reached, timed out, failed (5xx), was rate limited or overloaded, refused Gaia's key, or is
     * not configured; a local model file that is gone, cannot be loaded or exceeds the memory budget.
     */
    private static final Set<String> FALLBACK_CODES = Set.of("model_provider_unavailable", "model_provider_timeout",
            "model_provider_error", "model_provider_rate_limited", "model_provider_auth_failed",
            "model_provider_not_configured", "model_provider_circuit_open", "model_concurrency_limit",
            "local_model_not_found", "local_model_failed", "local_model_exceeds_memory_budget");

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
    private final LocalModelProvider localModels;
    private final RoleProperties roles;
    private final @Nullable String chatModel;
    /** Per game, the roles its admins switched and the model that answers each first. */
    private final Map<UUID, Map<String, String>> switched = new ConcurrentHashMap<>();

    ModelRouter(ProviderRegistry providers, LocalModelProvider localModels, ModelProperties properties,
            RoleProperties roles) {
        this.providers = providers;
        this.localModels = localModels;
        this.roles = roles;
        this.chatModel = properties.openai().chatModel();
    }

    /**
     * Makes {@code model} the first to answer {@code role} in the game's requests from now on, before
     * the role's configured models, until the role is switched again or
     * {@linkplain #resetRole(UUID, String) reset}. Other games' requests are not affected.
     *
     * @throws ProblemException 400 {@code model_role_unknown} for a role that is not {@code chat},
     *         {@code summary} or {@code scoring}
     */
    public void switchRole(UUID gameId, String role, String model) {
        switched.computeIfAbsent(gameId, game -> new ConcurrentHashMap<>()).put(switchable(role), model);
    }

    /** The role is answered by its configured models again in the game's requests. */
    public void resetRole(UUID gameId, String role) {
        switchable(role);
        Map<String, String> roles = switched.get(gameId);
        if (roles != null) {
            roles.remove(role);
        }
    }

    /**
     * Makes the switches of every game these, as the database holds them: what another instance of
     * model-service switched or reset since is applied here too.
     *
     * @param bySwitchedGame per game, each switched role and the model that answers it first
     */
    public void replaceSwitches(Map<UUID, Map<String, String>> bySwitchedGame) {
        switched.forEach((gameId, roles) -> roles.keySet()
                .removeIf(role -> !bySwitchedGame.getOrDefault(gameId, Map.of()).containsKey(role)));
        bySwitchedGame.forEach((gameId, roles) -> roles.forEach((role, model) -> switchRole(gameId, role, model)));
    }

    /** The role, if it is one that can be switched. */
    public String switchable(String role) {
        if (!SWITCHABLE_ROLES.contains(role)) {
            throw ProblemException.badRequest("model_role_unknown", "'" + role + "' is not a role a chat model"
                    + " answers; switch one of " + String.join(", ", SWITCHABLE_ROLES) + ".");
        }
        return role;
    }

    /** The model that answers a switchable role first when it is not switched, if the role has any. */
    public Optional<String> configuredFirstModelOf(String role) {
        return configuredModelsOf(switchable(role)).stream().findFirst();
    }

    /** The model that answers a role first in the game's requests, if the role has any. */
    public Optional<String> firstModelOf(UUID gameId, String role) {
        try {
            return Optional.of(plan(gameId, role).models().getFirst());
        }
        catch (ProblemException notConfigured) {
            return Optional.empty();
        }
    }

    /** The game's roles switched at runtime and the model that now answers each first. */
    public Map<String, String> switchedRoles(UUID gameId) {
        return Map.copyOf(switched.getOrDefault(gameId, Map.of()));
    }

    /**
     * The models that may answer a request's {@code model} field, in order: a role's models, or
     * the one model named. {@code chat} is answered by {@code GAIA_CHAT_MODEL} (a model of the
     * OpenAI-compatible provider) and then by {@code gaia.model.roles.chat}; {@code summary} and
     * {@code scoring} without models of their own are answered as {@code chat} is. A role the
     * game's admins switched is answered first by the model they switched it to.
     */
    public RoutePlan plan(UUID gameId, @Nullable String requestedModel) {
        return plan(gameId, requestedModel, List.of());
    }

    /**
     * The plan of {@link #plan(UUID, String)}, then each of {@code fallbacks} (a role's models or
     * a model) in order, each model once: an NPC's own model with the {@code chat} role behind it.
     * The plan's role is the requested one, or else the first role among the fallbacks.
     */
    public RoutePlan plan(UUID gameId, @Nullable String requestedModel, List<String> fallbacks) {
        RoutePlan plan = planOf(gameId, requestedModel);
        if (fallbacks.isEmpty()) {
            return plan;
        }
        String role = plan.role();
        Set<String> models = new LinkedHashSet<>(plan.models());
        for (String fallback : fallbacks) {
            RoutePlan next;
            try {
                next = planOf(gameId, fallback);
            }
            catch (ProblemException ex) {
                if (ex.code().equals("model_provider_not_configured")) {
                    continue; // a role with no models adds none
                }
                throw ex;
            }
            role = role != null ? role : next.role();
            models.addAll(next.models());
        }
        return new RoutePlan(role, List.copyOf(models));
    }

    private RoutePlan planOf(UUID gameId, @Nullable String requestedModel) {
        String name = requestedModel == null ? "" : requestedModel.strip();
        String role = name.isEmpty() ? CHAT_ROLE : name.toLowerCase(Locale.ROOT);
        if (role.equals(EMBEDDING_ROLE)) {
            throw ProblemException.badRequest("model_role_not_for_chat", "The role 'embedding' names the models"
                    + " that make embeddings (POST /v1/embeddings); a chat completion names 'chat', 'summary',"
                    + " 'scoring' or a model such as openai/gpt-4o-mini.");
        }
        boolean knownRole = role.equals(CHAT_ROLE) || role.equals(SUMMARY_ROLE) || role.equals(SCORING_ROLE)
                || roles.roles().containsKey(role);
        if (!knownRole) {
            return new RoutePlan(null, List.of(name));
        }
        List<String> models = configuredModelsOf(role);
        String switchedTo = switched.getOrDefault(gameId, Map.of()).get(role);
        if (switchedTo != null) {
            models.remove(switchedTo);
            models.addFirst(switchedTo);
        }
        if (models.isEmpty()) {
            provider();
            throw ProblemException.unavailable("model_provider_not_configured", NO_CHAT_MODEL);
        }
        return new RoutePlan(role, List.copyOf(models));
    }

    /**
     * Calls {@code attempt} with the plan's models in order until one answers, and returns its
     * answer. A model named on its own (without fallbacks) is tried alone; a model whose problem
     * {@linkplain #fallsBack(ProblemException) falls back} hands over to the next, and the last
     * one's problem is the caller's. {@code attempt} must throw only before its answer starts.
     */
    public <T> T firstAnswer(RoutePlan plan, Function<Route, T> attempt) {
        List<String> models = plan.models();
        for (int i = 0; ; i++) {
            String model = models.get(i);
            try {
                T answer = attempt.apply(resolve(model));
                if (i > 0) {
                    log.info("Role '{}' answered by {} after {} model(s) failed before answering", plan.role(), model, i);
                }
                return answer;
            }
            catch (ProblemException ex) {
                if (i == models.size() - 1 || !fallsBack(ex)) {
                    throw ex;
                }
                log.info("{} failed before answering ({}, HTTP {}); falling back to {} (role '{}')", model, ex.code(),
                        ex.status().value(), models.get(i + 1), plan.role());
            }
        }
    }

    /** Whether a role's next model should answer after this problem of a model before its answer started. */
    public static boolean fallsBack(ProblemException problem) {
        return FALLBACK_CODES.contains(problem.code());
    }

    /** A role's models as configured, before any switch: {@code chat}'s also answer a role with none of its own. */
    private List<String> configuredModelsOf(String role) {
        List<String> models = roles.models(role);
        return models.isEmpty() || role.equals(CHAT_ROLE) ? configuredChatModels() : new ArrayList<>(models);
    }

    /**
     * The chat role's models as configured: {@code GAIA_CHAT_MODEL} (a model of the OpenAI-compatible
     * provider unless it names its provider, as {@code local/<file>} does), then {@code gaia.model.roles.chat}.
     */
    private List<String> configuredChatModels() {
        List<String> models = new ArrayList<>();
        if (chatModel != null) {
            models.add(namesAProvider(chatModel) ? chatModel : "openai/" + chatModel);
        }
        for (String model : roles.models(CHAT_ROLE)) {
            if (!models.contains(model)) {
                models.add(model);
            }
        }
        return models;
    }

    /** The provider and model for a concrete model's name. */
    private Route resolve(String model) {
        Route named = providerNamedIn(model);
        return named != null ? named : new Route(provider(), model);
    }

    /** Whether the model's name starts with a provider's, as {@code anthropic/claude-haiku-4-5} does. */
    private boolean namesAProvider(String model) {
        String prefix = model.substring(0, Math.max(0, model.indexOf('/')));
        return BUILT_IN_PROVIDERS.contains(prefix) || providers.server(prefix).isPresent();
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
            case OllamaProvider.NAME -> new Route(providers.ollama(), model);
            case LocalModelProvider.NAME -> new Route(localModels, model);
            default -> providers.server(name.substring(0, slash)).map(server -> new Route(server, model)).orElse(null);
        };
    }

    /** The provider that answers when a request names no other. */
    public OpenAiCompatibleProvider provider() {
        return providers.openAi().orElseThrow(
                () -> ProblemException.unavailable("model_provider_not_configured", NOT_CONFIGURED));
    }
}
