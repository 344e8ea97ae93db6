package dev.gaia.model.provider;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import dev.gaia.shared.problem.ProblemException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Opening an exchange with a provider and reading its answer, where everything that goes wrong
 * before the answer starts becomes a {@link ProviderFailures problem}.
 */
public final class ProviderExchanges {

    /** An answer that is not streamed is read whole; a larger one is not an answer. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    /** Connections a provider's client keeps; the provider's guard limits its calls long before. */
    private static final int MAX_CONNECTIONS = 1024;

    /** How long an unused connection is kept for the next call. */
    private static final TimeValue IDLE_CONNECTION_LIFE = TimeValue.ofSeconds(60);

    private ProviderExchanges() {
    }

    /**
     * The HTTP client for one provider: a pool of kept-alive HTTP/1.1 connections, each exchange
     * written and read on the calling (virtual) thread, with no hand-off to a selector thread, no
     * read timeout (the {@link dev.gaia.model.resilience.ProviderGuards guards} time answers), no
     * retries of its own (the guards retry) and no compression (it would hold tokens back).
     */
    public static CloseableHttpClient httpClient(Duration connectTimeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .build())
                        .build())
                .evictIdleConnections(IDLE_CONNECTION_LIFE)
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }

    /** A request factory sending through {@code httpClient}. */
    public static HttpComponentsClientHttpRequestFactory requestFactory(CloseableHttpClient httpClient) {
        return new HttpComponentsClientHttpRequestFactory(httpClient);
    }

    /**
     * Sends the request and hands over the response when its status is 2xx (the caller closes
     * it); an error status, an unreachable provider or a timeout is thrown as a problem.
     *
     * @param settings what a failure's detail tells the operator to check
     */
    public static ClientHttpResponse open(RestClient.RequestHeadersSpec<?> request, ProviderFailures.Settings settings,
            JsonMapper jsonMapper) {
        ClientHttpResponse response;
        try {
            response = request.exchange((clientRequest, clientResponse) -> clientResponse, false);
        }
        catch (RestClientException ex) {
            throw ProviderFailures.unreachable(settings, ex);
        }
        try {
            // Tested by value: statuses such as Anthropic's 529 (overloaded) have no HttpStatus constant.
            if (response.getStatusCode().is2xxSuccessful()) {
                return response;
            }
            ProblemException failure = ProviderFailures.failed(settings, response.getStatusCode(),
                    response.getHeaders(), errorMessage(response, jsonMapper));
            response.close();
            throw failure;
        }
        catch (IOException ex) {
            response.close();
            throw ProviderFailures.unreachable(settings, ex);
        }
    }

    /** A whole answer read as JSON; a broken, oversized or non-JSON answer is a problem. */
    public static JsonNode readJson(InputStream body, JsonMapper jsonMapper) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
        }
        catch (IOException ex) {
            throw ProviderFailures.brokenAnswer(ex);
        }
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw ProviderFailures.invalidAnswer("is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        try {
            return jsonMapper.readTree(bytes);
        }
        catch (JacksonException ex) {
            throw ProviderFailures.invalidAnswer("is not JSON");
        }
    }

    /**
     * The message of an error body: {@code {"error":{"message":...}}} (OpenAI, Anthropic) or
     * {@code {"error":"..."}} (Ollama); nothing when the body says otherwise.
     */
    private static String errorMessage(ClientHttpResponse response, JsonMapper jsonMapper) {
        try (InputStream body = response.getBody()) {
            JsonNode error = jsonMapper.readTree(body.readNBytes(64 * 1024)).path("error");
            JsonNode message = error.isString() ? error : error.path("message");
            return message.isString() ? message.stringValue() : "";
        }
        catch (IOException | JacksonException ex) {
            return "";
        }
    }
}
