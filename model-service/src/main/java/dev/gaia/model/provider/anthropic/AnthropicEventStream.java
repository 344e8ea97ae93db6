package dev.gaia.model.provider.anthropic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.gaia.model.provider.ChunkedInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's server-sent events read as OpenAI's: each event is translated as soon as it has
 * arrived and its translation is handed out before the next one is awaited, so a reader sees
 * every token when Anthropic sent it. The stream ending before {@code message_stop} is an
 * {@link IOException}, as a connection that broke off would be.
 */
final class AnthropicEventStream extends ChunkedInputStream {

    private final BufferedReader upstream;
    private final AnthropicStreamTranslator translator;
    private final JsonMapper jsonMapper;

    AnthropicEventStream(InputStream upstream, AnthropicStreamTranslator translator, JsonMapper jsonMapper) {
        this.upstream = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
        this.translator = translator;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void close() throws IOException {
        upstream.close();
    }

    /** The translation of the next Anthropic event that translates to something, until the message stops. */
    @Override
    protected byte @Nullable [] nextChunk() throws IOException {
        if (translator.finished()) {
            return null;
        }
        return String.join("", translate(nextEvent())).getBytes(StandardCharsets.UTF_8);
    }

    private List<String> translate(Event event) throws IOException {
        JsonNode data;
        try {
            data = jsonMapper.readTree(event.data());
        }
        catch (JacksonException ex) {
            throw new IOException("Anthropic sent an event whose data is not JSON: " + event.name(), ex);
        }
        String name = event.name().isEmpty() ? data.path("type").stringValue("") : event.name();
        return translator.translate(name, data);
    }

    /** The next event with data, reading its {@code event:} and {@code data:} lines up to the blank line. */
    private Event nextEvent() throws IOException {
        String name = "";
        StringBuilder data = new StringBuilder();
        while (true) {
            String line = upstream.readLine();
            if (line == null) {
                throw new IOException("Anthropic's stream ended before message_stop");
            }
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    return new Event(name, data.toString());
                }
                name = "";
            }
            else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            }
            else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring("data:".length()).stripLeading());
            }
        }
    }

    private record Event(String name, String data) {
    }
}
