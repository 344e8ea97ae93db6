package dev.gaia.chat.model;

import java.io.IOException;
import java.util.UUID;

import dev.gaia.chat.config.ChatProperties;
import dev.gaia.shared.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Streams chat completions from model-service's OpenAI-compatible {@code /v1/chat/completions}
 * with the caller's token.
 */
@Component
public class ModelClient {

    private static final Logger log = LoggerFactory.getLogger(ModelClient.class);
    private static final String COMPLETIONS = "/v1/chat/completions";
    static final String NPC_HEADER = "X-Gaia-Npc-Id";
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final RestClient restClient;
    private final JsonMapper json;

    ModelClient(RestClient.Builder builder, ChatProperties properties, JsonMapper json) {
        HttpClientSettings timeouts = HttpClientSettings.defaults()
                .withTimeouts(properties.connectTimeout(), properties.modelReadTimeout());
        // HttpURLConnection's read timeout bounds each read, so it limits the silence between two
        // chunks; the JDK client's would cut off every reply that takes longer than it in total.
        this.restClient = builder.baseUrl(properties.modelUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.simple().build(timeouts))
                .build();
        this.json = json;
    }

    /**
     * Starts a streamed completion for an NPC's reply and returns once model-service has answered with the start
     * of its stream, so that a refusal can still be answered with a status of its own.
     *
     * @throws ProblemException model-service's own problem with its status (such as 503
     *         {@code model_provider_not_configured}), 503 {@code model_service_unavailable} when
     *         it cannot be reached, or {@code model_error} for an error of another shape
     */
    public CompletionStream stream(ChatCompletionRequest request, UUID npcId, String bearerToken) {
        ClientHttpResponse response;
        try {
            response = restClient.post().uri(COMPLETIONS)
                    .headers(headers -> {
                        headers.setBearerAuth(bearerToken);
                        // model-service accounts the call to the NPC that speaks.
                        headers.set(NPC_HEADER, npcId.toString());
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .body(request)
                    .exchange((clientRequest, clientResponse) -> clientResponse, false);
        }
        catch (ResourceAccessException ex) {
            throw unavailable(ex);
        }
        try {
            if (response.getStatusCode().isError()) {
                throw problemOf(response.getStatusCode(), response.getBody().readNBytes(MAX_ERROR_BODY));
            }
            return new CompletionStream(response.getBody(), response, json);
        }
        catch (IOException ex) {
            response.close();
            throw unavailable(ex);
        }
        catch (ProblemException ex) {
            response.close();
            throw ex;
        }
    }

    /**
     * model-service's problem details as they are; a refused token as a 401; another server's
     * error as a {@code model_error}.
     */
    private ProblemException problemOf(HttpStatusCode status, byte[] body) {
        JsonNode error = parse(body);
        HttpStatus answered = HttpStatus.resolve(status.value());
        if (answered == null) {
            answered = HttpStatus.BAD_GATEWAY;
        }
        if (error.path("code").isString() && error.path("detail").isString()) {
            return new ProblemException(answered, error.path("code").stringValue(), error.path("detail").stringValue());
        }
        if (answered == HttpStatus.UNAUTHORIZED) {
            // HttpURLConnection drops the body of a 401 to a streamed request; the status says it all.
            return ProblemException.unauthorized("unauthorized", "The model service did not accept the access token.");
        }
        // A bare OpenAI-compatible server refusing chat-service's request is not the caller's fault.
        HttpStatus relayed = answered.is5xxServerError() || answered == HttpStatus.TOO_MANY_REQUESTS ? answered
                : HttpStatus.BAD_GATEWAY;
        String message = CompletionStream.text(error.path("error").path("message"), "no details given");
        return new ProblemException(relayed, "model_error",
                "The model service answered " + status.value() + ": " + message);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        }
        catch (JacksonException ex) {
            return MissingNode.getInstance();
        }
    }

    private static ProblemException unavailable(Exception ex) {
        log.warn("model-service could not be reached: {}", ex.getMessage());
        return ProblemException.unavailable("model_service_unavailable",
                "The model service is not available right now; try again shortly.");
    }
}
