package dev.gaia.model.provider.anthropic;

import java.io.IOException;

import dev.gaia.model.config.ModelProperties;
import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.provider.ChatProvider;
import dev.gaia.model.provider.ProviderExchanges;
import dev.gaia.model.provider.ProviderFailures;
import dev.gaia.model.provider.UpstreamStream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}) behind OpenAI's chat completions: each
 * request is translated to Anthropic's format, each answer (whole or streamed) back to OpenAI's,
 * and failures become the same problems as any other provider's.
 */
public final class AnthropicProvider implements ChatProvider, AutoCloseable {

    /** The version of the Messages API the translation follows. */
    static final String API_VERSION = "2023-06-01";

    /** What a failure's detail tells the operator to check. */
    static final ProviderFailures.Settings SETTINGS =
            new ProviderFailures.Settings("GAIA_ANTHROPIC_BASE_URL", "GAIA_ANTHROPIC_API_KEY");

    private final CloseableHttpClient httpClient;
    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final AnthropicTranslation translation;
    private final int defaultMaxTokens;

    /**
     * @param properties where Anthropic is and the key to use; it must be
     *        {@link ModelProperties.Anthropic#configured() configured}
     * @param builder the application's REST client builder, cloned
     * @param jsonMapper reads and writes the wire formats
     */
    public AnthropicProvider(ModelProperties.Anthropic properties, RestClient.Builder builder, JsonMapper jsonMapper) {
        if (properties.apiKey() == null) {
            throw new IllegalArgumentException("The Anthropic provider needs an API key");
        }
        this.httpClient = ProviderExchanges.httpClient(properties.connectTimeout());
        // No read timeout: Spring applies it to the whole exchange, body included, which would cut long streams.
        this.restClient = builder.clone()
                .requestFactory(ProviderExchanges.requestFactory(httpClient))
                .baseUrl(properties.baseUrl().toString())
                .defaultHeaders(headers -> {
                    headers.set("x-api-key", properties.apiKey());
                    headers.set("anthropic-version", API_VERSION);
                })
                .build();
        this.jsonMapper = jsonMapper;
        this.translation = new AnthropicTranslation(jsonMapper);
        this.defaultMaxTokens = properties.defaultMaxTokens();
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public JsonNode complete(ChatCompletionRequest request) {
        ObjectNode body = translation.toMessagesRequest(request, defaultMaxTokens);
        body.remove("stream");
        try (ClientHttpResponse response = send(body, MediaType.APPLICATION_JSON)) {
            JsonNode message = ProviderExchanges.readJson(response.getBody(), jsonMapper);
            if (!message.path("type").stringValue("").equals("message")) {
                throw ProviderFailures.invalidAnswer("is not an Anthropic message");
            }
            return translation.toChatCompletion(message);
        }
        catch (IOException ex) {
            throw ProviderFailures.brokenAnswer(ex);
        }
    }

    @Override
    public UpstreamStream stream(ChatCompletionRequest request) {
        ObjectNode body = translation.toMessagesRequest(request, defaultMaxTokens);
        body.put("stream", true);
        boolean includeUsage = request.streamOptions() != null
                && Boolean.TRUE.equals(request.streamOptions().includeUsage());
        ClientHttpResponse response = send(body, MediaType.TEXT_EVENT_STREAM);
        try {
            return UpstreamStream.of(response, new AnthropicEventStream(response.getBody(),
                    new AnthropicStreamTranslator(jsonMapper, includeUsage), jsonMapper));
        }
        catch (IOException ex) {
            response.close();
            throw ProviderFailures.unreachable(SETTINGS, ex);
        }
    }

    /** Stops the provider's connections at once; streams still open end. */
    @Override
    public void close() {
        httpClient.close(CloseMode.IMMEDIATE);
    }

    /** Sends a Messages API request; the response is handed over only when it succeeded. */
    private ClientHttpResponse send(ObjectNode body, MediaType accept) {
        return ProviderExchanges.open(restClient.post().uri("/v1/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .body(body), SETTINGS, jsonMapper);
    }
}
