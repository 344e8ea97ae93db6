package dev.gaia.model.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model provider model-service relays to, bound from {@code gaia.model.*}.
 *
 * @param openai the OpenAI-compatible provider (OpenAI itself, vLLM, llama.cpp server, LM Studio, Ollama's /v1, ...)
 */
@ConfigurationProperties("gaia.model")
public record ModelProperties(@DefaultValue OpenAi openai) {

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
}
