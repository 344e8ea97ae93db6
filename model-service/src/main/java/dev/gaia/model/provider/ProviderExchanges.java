package dev.gaia.model.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import dev.gaia.shared.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Opening an exchange with a provider and reading its answer, where everything that goes wrong
 * before the answer starts becomes a {@link ProviderFailures problem}.
 */
public final class ProviderExchanges {

    /** An answer that is not streamed is read whole; a larger one is not an answer. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    /**
     * Writes request bodies to providers. Spring's default for the JDK client starts a platform
     * thread for every request; a virtual thread costs next to nothing on the hot path.
     */
    private static final Executor BODY_WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private ProviderExchanges() {
    }

    /** A request factory sending through {@code httpClient}, writing bodies on virtual threads. */
    public static JdkClientHttpRequestFactory requestFactory(HttpClient httpClient) {
        return new JdkClientHttpRequestFactory(httpClient, BODY_WRITERS);
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
