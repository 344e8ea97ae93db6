package dev.gaia.model.completion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies server-sent events from a provider to the client line by line, flushing at the end of
 * every event so that each token leaves as soon as it arrived. Neither side's failure escapes:
 * the answer has started, so there is no status left to set.
 */
final class EventStreamRelay {

    private static final Logger log = LoggerFactory.getLogger(EventStreamRelay.class);

    /** OpenAI's own in-stream error shape, which the OpenAI SDKs raise as an error. */
    static final String BROKEN_OFF_EVENT = "data: {\"error\":{\"message\":\"The model provider's stream broke off"
            + " before it was complete.\",\"type\":\"server_error\",\"param\":null,\"code\":\"model_provider_error\"}}\n\n";

    private EventStreamRelay() {
    }

    /**
     * Relays until the provider ends the stream, the provider's stream breaks (the client then
     * gets an error event and no {@code [DONE]}), or the client goes away.
     */
    static void relay(InputStream upstream, OutputStream client) {
        BufferedReader events = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
        boolean insideEvent = false;
        while (true) {
            String line;
            try {
                line = events.readLine();
            }
            catch (IOException ex) {
                log.warn("Model provider's stream broke off: {}", ex.getMessage());
                write(client, (insideEvent ? "\n" : "") + BROKEN_OFF_EVENT, true);
                return;
            }
            if (line == null) {
                write(client, insideEvent ? "\n" : "", true);
                return;
            }
            boolean endOfEvent = line.isEmpty();
            if (!write(client, line + "\n", endOfEvent)) {
                return;
            }
            insideEvent = !endOfEvent;
        }
    }

    /** Writes to the client; {@code false} when the client has gone away. */
    private static boolean write(OutputStream client, String text, boolean flush) {
        try {
            client.write(text.getBytes(StandardCharsets.UTF_8));
            if (flush) {
                client.flush();
            }
            return true;
        }
        catch (IOException ex) {
            log.debug("Client went away mid-stream: {}", ex.getMessage());
            return false;
        }
    }
}
