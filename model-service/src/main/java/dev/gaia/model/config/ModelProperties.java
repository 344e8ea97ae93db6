package dev.gaia.model.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model provider model-service relays to, bound from {@code gaia.model.*}.
 *
 * @param openai the OpenAI-compatible provider (OpenAI itself, vLLM, llama.cpp server, LM Studio, Ollama's /v1, ...)
 * @param anthropic Anthropic's Messages API, for requests naming {@code anthropic/<model>}
 * @param ollama an Ollama server, for requests naming {@code ollama/<model>} and for managing its models
 * @param servers more OpenAI-compatible servers beside {@code openai} (Groq, Together, a vLLM of the
 *        studio's own, ...), by the name that requests prefix their models with: {@code groq/<model>}
 */
@ConfigurationProperties("gaia.model")
public record ModelProperties(@DefaultValue OpenAi openai, @DefaultValue Anthropic anthropic,
        @DefaultValue Ollama ollama, @DefaultValue Map<String, Server> servers) {

    /** The names of Gaia's own providers, which no server may take. */
    private static final Set<String> RESERVED_NAMES = Set.of("openai", "anthropic", "ollama", "local", "onnx");

    private static final Pattern SERVER_NAME = Pattern.compile("[a-z][a-z0-9]{0,31}");

    public ModelProperties {
        for (Map.Entry<String, Server> server : servers.entrySet()) {
            if (!SERVER_NAME.matcher(server.getKey()).matches() || RESERVED_NAMES.contains(server.getKey())) {
                throw new IllegalArgumentException("gaia.model.servers." + server.getKey() + ": a server's name is"
                        + " a lower-case letter then letters and digits, at most 32 (it is part of environment"
                        + " variables' names), and none of " + RESERVED_NAMES);
            }
            if (server.getValue().baseUrl() == null) {
                throw new IllegalArgumentException("gaia.model.servers." + server.getKey() + ".base-url is missing:"
                        + " the server's OpenAI-compatible API including /v1");
            }
        }
        servers = Map.copyOf(servers);
    }

    /**
     * One more OpenAI-compatible server. Env: {@code GAIA_MODEL_SERVERS_<NAME>_BASEURL},
     * {@code GAIA_MODEL_SERVERS_<NAME>_APIKEY}.
     *
     * @param baseUrl its base URL including {@code /v1}
     * @param apiKey sent as a bearer token when present
     * @param connectTimeout how long to wait for a connection to it
     */
    public record Server(@Nullable URI baseUrl, @Nullable String apiKey, @DefaultValue("5s") Duration connectTimeout) {

        /** The same settings as the OpenAI provider's, which every OpenAI-compatible client reads. */
        public OpenAi asOpenAi() {
            return new OpenAi(baseUrl, apiKey, null, connectTimeout);
        }
    }

    /**
     * An OpenAI-compatible provider. It is configured when it has a base URL; blank values
     * (an unset environment variable) count as absent.
     *
     * @param baseUrl the provider's base URL in the OpenAI SDK convention, including {@code /v1}
     *        ({@code https://api.openai.com/v1}, {@code http://localhost:11434/v1}); env {@code GAIA_OPENAI_BASE_URL}
     * @param apiKey sent as a bearer token when present; local servers mostly need none; env {@code GAIA_OPENAI_API_KEY}
     * @param chatModel the provider's model that answers requests naming no model or the role
     *        {@code chat}; env {@code GAIA_CHAT_MODEL}
     * @param connectTimeout how long to wait for a connection to the provider
     */
    public record OpenAi(@Nullable URI baseUrl, @Nullable String apiKey, @Nullable String chatModel,
            @DefaultValue("5s") Duration connectTimeout) {

        public OpenAi {
            baseUrl = baseUrl == null || baseUrl.toString().isBlank() ? null : withoutTrailingSlash(baseUrl);
            apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
            chatModel = chatModel == null || chatModel.isBlank() ? null : chatModel.strip();
            if (baseUrl != null && !isHttpUrl(baseUrl)) {
                throw new IllegalArgumentException("gaia.model.openai.base-url (GAIA_OPENAI_BASE_URL) must be an"
                        + " http or https URL including /v1, such as https://api.openai.com/v1, not '" + baseUrl + "'");
            }
        }

        /** Whether a provider has been named at all. */
        public boolean configured() {
            return baseUrl != null;
        }

        private static URI withoutTrailingSlash(URI uri) {
            String text = uri.toString().strip();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        private static boolean isHttpUrl(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        }

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "******")
                    + ", chatModel=" + chatModel + ", connectTimeout=" + connectTimeout + "]";
        }
    }

    /**
     * Anthropic's Messages API. It is configured when it has an API key; blank values (an unset
     * environment variable) count as absent.
     *
     * @param apiKey sent as {@code x-api-key}; env {@code GAIA_ANTHROPIC_API_KEY}
     * @param baseUrl the API's base URL without {@code /v1}; env {@code GAIA_ANTHROPIC_BASE_URL}, default
     *        {@code https://api.anthropic.com}
     * @param defaultMaxTokens the {@code max_tokens} Anthropic requires, for requests that set none
     * @param connectTimeout how long to wait for a connection to the API
     */
    public record Anthropic(@Nullable String apiKey, @Nullable URI baseUrl, @DefaultValue("4096") int defaultMaxTokens,
            @DefaultValue("5s") Duration connectTimeout) {

        static final URI DEFAULT_BASE_URL = URI.create("https://api.anthropic.com");

        public Anthropic {
            apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
            baseUrl = baseUrl == null || baseUrl.toString().isBlank() ? DEFAULT_BASE_URL
                    : OpenAi.withoutTrailingSlash(baseUrl);
            if (!OpenAi.isHttpUrl(baseUrl)) {
                throw new IllegalArgumentException("gaia.model.anthropic.base-url (GAIA_ANTHROPIC_BASE_URL) must be an"
                        + " http or https URL such as https://api.anthropic.com, not '" + baseUrl + "'");
            }
            if (defaultMaxTokens < 1) {
                throw new IllegalArgumentException("gaia.model.anthropic.default-max-tokens must be positive, not "
                        + defaultMaxTokens);
            }
        }

        @Override
        public URI baseUrl() {
            return baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        }

        /** Whether Anthropic can be called: it has a key. */
        public boolean configured() {
            return apiKey != null;
        }

        @Override
        public String toString() {
            return "Anthropic[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "******")
                    + ", defaultMaxTokens=" + defaultMaxTokens + ", connectTimeout=" + connectTimeout + "]";
        }
    }

    /**
     * An Ollama server. A base URL ending in {@code /v1} (Ollama's OpenAI-compatible API) is taken
     * for the server's own.
     *
     * @param baseUrl the server's base URL; env {@code GAIA_OLLAMA_BASE_URL}, default {@code http://localhost:11434}
     * @param connectTimeout how long to wait for a connection to the server
     */
    public record Ollama(@Nullable URI baseUrl, @DefaultValue("5s") Duration connectTimeout) {

        static final URI DEFAULT_BASE_URL = URI.create("http://localhost:11434");

        public Ollama {
            baseUrl = baseUrl == null || baseUrl.toString().isBlank() ? DEFAULT_BASE_URL
                    : OpenAi.withoutTrailingSlash(baseUrl);
            if (baseUrl.getPath() != null && baseUrl.getPath().endsWith("/v1")) {
                String text = baseUrl.toString();
                baseUrl = URI.create(text.substring(0, text.length() - "/v1".length()));
            }
            if (!OpenAi.isHttpUrl(baseUrl)) {
                throw new IllegalArgumentException("gaia.model.ollama.base-url (GAIA_OLLAMA_BASE_URL) must be an"
                        + " http or https URL such as http://localhost:11434, not '" + baseUrl + "'");
            }
        }

        @Override
        public URI baseUrl() {
            return baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        }
    }
}
