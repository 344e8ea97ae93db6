package dev.gaia.model.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the start of a streamed answer in OpenAI's events up to the first event that shows the
 * answer has begun: one with a token (content or a tool call), a finish reason or an error, or
 * {@code [DONE]}, or the end of the stream. Until then the answer can still go to another model.
 */
final class FirstToken {

    /** The start of an answer is small; one larger than this counts as begun. */
    private static final int MAX_START_BYTES = 64 * 1024;

    private FirstToken() {
    }

    /**
     * The start of a streamed answer.
     *
     * @param bytes what was read, through the end of the line that showed the answer has begun
     * @param error the provider's error object when the answer began with an error rather than a
     *        token: the answer has not started, so the call may still be retried or go elsewhere
     */
    record Start(byte[] bytes, @Nullable JsonNode error) {
    }

    static Start readStart(InputStream in, JsonMapper jsonMapper) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream(512);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (seen.size() < MAX_START_BYTES) {
            int next = in.read();
            if (next < 0) {
                line.writeTo(seen);
                return new Start(seen.toByteArray(), null);
            }
            line.write(next);
            if (next == '\n') {
                line.writeTo(seen);
                String text = line.toString(StandardCharsets.UTF_8).strip();
                line.reset();
                if (begins(text, jsonMapper)) {
                    return new Start(seen.toByteArray(), errorOf(text, jsonMapper));
                }
            }
        }
        line.writeTo(seen);
        return new Start(seen.toByteArray(), null);
    }

    /** The error object of an event that carries one, such as {@code data: {"error":{...}}}. */
    private static @Nullable JsonNode errorOf(String line, JsonMapper jsonMapper) {
        if (!line.startsWith("data:")) {
            return null;
        }
        try {
            JsonNode error = jsonMapper.readTree(line.substring("data:".length()).strip()).path("error");
            if (error.isString()) {
                return jsonMapper.createObjectNode().put("message", error.stringValue());
            }
            return error.isObject() ? error : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** Whether this line of the event stream shows the answer has begun. */
    static boolean begins(String line, JsonMapper jsonMapper) {
        if (!line.startsWith("data:")) {
            return false;
        }
        String data = line.substring("data:".length()).strip();
        if (data.equals("[DONE]")) {
            return true;
        }
        JsonNode chunk;
        try {
            chunk = jsonMapper.readTree(data);
        }
        catch (JacksonException ex) {
            return true;
        }
        if (chunk.has("error")) {
            return true;
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode content = choice.at("/delta/content");
        return content.isString() && !content.stringValue().isEmpty() || choice.at("/delta/tool_calls").isArray()
                || !choice.path("finish_reason").isMissingNode() && !choice.path("finish_reason").isNull();
    }
}
