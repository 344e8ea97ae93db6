package dev.gaia.chat.model;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * A completion as the model streams it: Server-Sent Events whose {@code data:} is a
 * {@code chat.completion.chunk}, ended by {@code data: [DONE]}. Read it token by token with
 * {@link #nextToken()}; {@link #close() closing} it before the end cancels the completion.
 * Not thread-safe: one thread reads and closes it.
 */
public final class CompletionStream implements AutoCloseable {

    private static final String DATA_FIELD = "data:";
    private static final String END_OF_STREAM = "[DONE]";

    private final InputStream body;
    private final Closeable connection;
    private final BufferedReader reader;
    private final JsonMapper json;
    private @Nullable Usage usage;
    private boolean finishReported;
    private boolean ended;

    /**
     * @param body the response body, read as it arrives
     * @param connection closes the response once the body was read or abandoned
     */
    CompletionStream(InputStream body, Closeable connection, JsonMapper json) {
        this.body = body;
        this.connection = connection;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.json = json;
    }

    /**
     * Waits for the next piece of the reply.
     *
     * @return the next token, or {@code null} once the model has finished its reply
     * @throws ProblemException when the stream breaks off, reports an error or stays silent for
     *         longer than the read timeout
     */
    public @Nullable String nextToken() {
        while (!ended) {
            String data = nextEventData();
            if (data == null) {
                // Some OpenAI-compatible servers end the stream after the finishing chunk, without [DONE].
                if (!finishReported) {
                    throw interrupted("The model's reply ended before it was complete.");
                }
                ended = true;
            }
            else if (data.equals(END_OF_STREAM)) {
                ended = true;
            }
            else {
                String token = read(parse(data));
                if (token != null) {
                    return token;
                }
            }
        }
        return null;
    }

    /** The tokens the completion cost, when the model reported them. */
    public Optional<Usage> usage() {
        return Optional.ofNullable(usage);
    }

    /**
     * Closes the connection. Closing the body before it was read to the end drops the
     * connection instead of draining it, so the server stops producing a reply nobody reads.
     */
    @Override
    public void close() {
        try {
            body.close();
        }
        catch (IOException ex) {
            // Already broken: nothing is left to cancel.
        }
        try {
            connection.close();
        }
        catch (IOException ex) {
            // The body is closed; the rest is the client library's bookkeeping.
        }
    }

    private @Nullable String read(ChatCompletionChunk chunk) {
        if (chunk.error() != null) {
            throw reportedError(chunk.error());
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.finished()) {
            finishReported = true;
        }
        String content = chunk.content();
        return content == null || content.isEmpty() ? null : content;
    }

    /** The data of the next event, its {@code data:} lines joined; {@code null} at the end of the body. */
    private @Nullable String nextEventData() {
        StringBuilder data = null;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        return data.toString();
                    }
                }
                else if (line.startsWith(DATA_FIELD)) {
                    String value = line.substring(DATA_FIELD.length());
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
                // Comments (":...") and the other fields (event, id, retry) carry nothing for a completion.
            }
            return data == null ? null : data.toString();
        }
        catch (SocketTimeoutException ex) {
            throw new ProblemException(HttpStatus.GATEWAY_TIMEOUT, "model_timeout",
                    "The model stopped sending its reply and did not resume in time.");
        }
        catch (IOException ex) {
            throw interrupted("The model's reply broke off: " + ex.getMessage());
        }
    }

    private ChatCompletionChunk parse(String data) {
        try {
            return json.readValue(data, ChatCompletionChunk.class);
        }
        catch (JacksonException ex) {
            throw interrupted("The model sent a chunk that is not a chat completion chunk.");
        }
    }

    /** An error event: model-service's problem details, or OpenAI's {@code {"message": ...}}. */
    private static ProblemException reportedError(JsonNode error) {
        HttpStatus status = HttpStatus.resolve(error.path("status").asInt(0));
        String code = text(error.path("code"), "");
        String detail = text(error.path("detail"), text(error.path("message"), "The model reported an error."));
        if (status != null && status.isError() && !code.isEmpty()) {
            return new ProblemException(status, code, detail);
        }
        return interrupted("The model reported an error: " + detail);
    }

    static String text(JsonNode node, String fallback) {
        return node.isString() ? node.stringValue() : fallback;
    }

    private static ProblemException interrupted(String detail) {
        return new ProblemException(HttpStatus.BAD_GATEWAY, "model_stream_interrupted", detail);
    }
}
