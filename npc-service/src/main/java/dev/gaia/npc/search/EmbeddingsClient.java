package dev.gaia.npc.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** model-service's OpenAI-compatible embeddings, as far as search uses them. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE, contentType = MediaType.APPLICATION_JSON_VALUE)
interface EmbeddingsClient {

    /**
     * @param authorization the caller's {@code Bearer} token: model-service accounts the call to its game
     */
    @PostExchange("/v1/embeddings")
    Answer embed(@RequestBody Request request, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * OpenAI's embeddings request.
     *
     * @param model the model to embed with
     * @param input the texts
     * @param encodingFormat always {@code float}
     */
    record Request(String model, List<String> input, String encodingFormat) {
    }

    /**
     * OpenAI's embeddings answer, with model-service's {@code dimensions}.
     *
     * @param data one vector per input
     * @param model the model that made them
     * @param dimensions the length of every vector, when the server says
     */
    record Answer(@Nullable List<Item> data, @Nullable String model, @Nullable Integer dimensions) {
    }

    /**
     * @param index the input's position
     * @param embedding its vector
     */
    record Item(int index, @Nullable List<Float> embedding) {
    }
}
