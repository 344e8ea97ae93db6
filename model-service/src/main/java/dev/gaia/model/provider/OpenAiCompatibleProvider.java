package dev.gaia.model.provider;

import java.io.IOException;
import java.io.InputStream;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.openai.ChatCompletionRequest;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * A provider that speaks OpenAI's API: OpenAI itself or any compatible server (vLLM, llama.cpp
 * server, LM Studio, Ollama's {@code /v1}, Groq, Together). Requests go out in the OpenAI format;
 * failures before the first byte of an answer become {@link ProviderFailures problem details}.
 */
public final class OpenAiCompatibleProvider implements ChatProvider, AutoCloseable {

    private final CloseableHttpClient httpClient;
    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final ProviderFailures.Settings failureSettings;
    private final String name;

    /**
     * @param name the provider's name as requests prefix its models ({@code openai}, a server's name)
     * @param properties where the provider is and the key to use; it must have a base URL
     * @param failureSettings what a failure's detail tells the operator to check
     * @param builder the application's REST client builder, cloned
     * @param jsonMapper reads and writes the wire format
     */
    public OpenAiCompatibleProvider(String name, ModelProperties.OpenAi properties,
            ProviderFailures.Settings failureSettings, RestClient.Builder builder, JsonMapper jsonMapper) {
        if (properties.baseUrl() == null) {
            throw new IllegalArgumentException("An OpenAI-compatible provider needs a base URL");
        }
        this.httpClient = ProviderExchanges.httpClient(properties.connectTimeout());
        // No read timeout: Spring applies it to the whole exchange, body included, which would cut long streams.
        this.restClient = builder.clone()
                .requestFactory(ProviderExchanges.requestFactory(httpClient))
                .baseUrl(properties.baseUrl().toString())
                .defaultHeaders(headers -> {
                    if (properties.apiKey() != null) {
                        headers.setBearerAuth(properties.apiKey());
                    }
                })
                .build();
        this.jsonMapper = jsonMapper;
        this.failureSettings = failureSettings;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JsonNode complete(ChatCompletionRequest request) {
        ClientHttpResponse response = send(request, MediaType.APPLICATION_JSON);
        try (response) {
            return readJson(response.getBody());
        }
        catch (IOException ex) {
            throw ProviderFailures.brokenAnswer(ex);
        }
    }

    @Override
    public UpstreamStream stream(ChatCompletionRequest request) {
        return new UpstreamStream(send(request, MediaType.TEXT_EVENT_STREAM));
    }

    /** The provider's {@code GET /models} list. */
    public JsonNode models() {
        ClientHttpResponse response = exchange(restClient.get().uri("/models").accept(MediaType.APPLICATION_JSON));
        try (response) {
            return readJson(response.getBody());
        }
        catch (IOException ex) {
            throw ProviderFailures.brokenAnswer(ex);
        }
    }

    /** The provider's {@code POST /embeddings}, answered whole; the request is OpenAI's embeddings request. */
    public JsonNode embeddings(Object request) {
        ClientHttpResponse response = exchange(restClient.post().uri("/embeddings")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(request));
        try (response) {
            return readJson(response.getBody());
        }
        catch (IOException ex) {
            throw ProviderFailures.brokenAnswer(ex);
        }
    }

    /** Stops the provider's connections at once; streams still open end. */
    @Override
    public void close() {
        httpClient.close(CloseMode.IMMEDIATE);
    }

    private ClientHttpResponse send(ChatCompletionRequest request, MediaType accept) {
        return exchange(restClient.post().uri("/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .body(request));
    }

    /** Opens the exchange and hands over the response if it succeeded; anything else becomes a problem. */
    private ClientHttpResponse exchange(RestClient.RequestHeadersSpec<?> spec) {
        return ProviderExchanges.open(spec, failureSettings, jsonMapper);
    }

    private JsonNode readJson(InputStream body) {
        return ProviderExchanges.readJson(body, jsonMapper);
    }
}
