package dev.gaia.model.provider.ollama;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.provider.ChatProvider;
import dev.gaia.model.provider.OpenAiCompatibleProvider;
import dev.gaia.model.provider.ProviderExchanges;
import dev.gaia.model.provider.ProviderFailures;
import dev.gaia.model.provider.UpstreamStream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * An Ollama server: chat completions through its OpenAI-compatible {@code /v1} API, and its
 * native API for the models it holds ({@code GET /api/tags}) and for pulling new ones
 * ({@code POST /api/pull}, progress as newline-delimited JSON).
 */
public final class OllamaProvider implements ChatProvider, AutoCloseable {

    /** What a failure's detail tells the operator to check; Ollama takes no key. */
    /** The provider's name, as requests prefix its models: {@code ollama/<model>}. */
    public static final String NAME = "ollama";

    static final ProviderFailures.Settings SETTINGS = new ProviderFailures.Settings("GAIA_OLLAMA_BASE_URL", null);

    private final OpenAiCompatibleProvider chat;
    private final CloseableHttpClient httpClient;
    private final RestClient restClient;
    private final JsonMapper jsonMapper;

    /**
     * @param properties where the Ollama server is
     * @param builder the application's REST client builder, cloned
     * @param jsonMapper reads and writes the wire formats
     */
    public OllamaProvider(ModelProperties.Ollama properties, RestClient.Builder builder, JsonMapper jsonMapper) {
        this.chat = new OpenAiCompatibleProvider(NAME, new ModelProperties.OpenAi(
                URI.create(properties.baseUrl() + "/v1"), null, null, properties.connectTimeout()),
                SETTINGS, builder, jsonMapper);
        this.httpClient = ProviderExchanges.httpClient(properties.connectTimeout());
        // No read timeout: Spring applies it to the whole exchange, and a pull streams for minutes.
        this.restClient = builder.clone()
                .requestFactory(ProviderExchanges.requestFactory(httpClient))
                .baseUrl(properties.baseUrl().toString())
                .build();
        this.jsonMapper = jsonMapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode complete(ChatCompletionRequest request) {
        return chat.complete(request);
    }

    @Override
    public UpstreamStream stream(ChatCompletionRequest request) {
        return chat.stream(request);
    }

    /** Ollama's {@code GET /api/tags}: {@code {"models":[{name, model, modified_at, size, digest, details}]}}. */
    public JsonNode models() {
        try (ClientHttpResponse response = ProviderExchanges.open(
                restClient.get().uri("/api/tags").accept(MediaType.APPLICATION_JSON), SETTINGS, jsonMapper)) {
            return ProviderExchanges.readJson(response.getBody(), jsonMapper);
        }
        catch (IOException ex) {
            throw ProviderFailures.brokenAnswer(ex);
        }
    }

    /**
     * Ollama's {@code POST /api/pull}: newline-delimited JSON progress objects
     * ({@code {status, digest, total, completed}}) until {@code {"status":"success"}} or an
     * {@code {"error":...}} line. Closing the stream stops listening to the pull.
     */
    public UpstreamStream pull(String model) {
        ClientHttpResponse response = ProviderExchanges.open(restClient.post().uri("/api/pull")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .body(Map.of("model", model, "stream", true)), SETTINGS, jsonMapper);
        try {
            return UpstreamStream.of(response, response.getBody());
        }
        catch (IOException ex) {
            response.close();
            throw ProviderFailures.unreachable(SETTINGS, ex);
        }
    }

    /** Stops the server's connections at once; streams still open end. */
    @Override
    public void close() {
        chat.close();
        httpClient.close(CloseMode.IMMEDIATE);
    }
}
