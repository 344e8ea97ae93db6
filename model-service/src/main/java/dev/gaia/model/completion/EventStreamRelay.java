package dev.gaia.model.completion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies server-sent events from a provider to the client line by line, flushing at the end of
 * an event unless more has arrived already, so that each token leaves as soon as it arrived.
 * Neither side's failure escapes: the answer has started, so there is no status left to set.
 */
final class EventStreamRelay {

    private static final Logger log = LoggerFactory.getLogger(EventStreamRelay.class);

    /** OpenAI's own in-stream error shape, which the OpenAI SDKs raise as an error. */
    static final String BROKEN_OFF_EVENT = "data: {\"error\":{\"message\":\"The model provider's stream broke off"
            + " before it was complete.\",\"type\":\"server_error\",\"param\":null,\"code\":\"model_provider_error\"}}\n\n";

    /** The problem code of a stream the provider broke off, as the client's error event names it. */
    static final String BROKEN_OFF_CODE = "model_provider_error";

    /** The error event of a stream ended because the provider sent nothing for too long. */
    static final String FELL_SILENT_EVENT = "data: {\"error\":{\"message\":\"The model provider sent nothing for longer"
            + " than gaia.model.timeouts.idle-between-tokens allows, so the answer was ended.\",\"type\":\"server_error\","
            + "\"param\":null,\"code\":\"model_provider_timeout\"}}\n\n";

    /** The problem code of a stream ended because the provider fell silent. */
    static final String FELL_SILENT_CODE = "model_provider_timeout";

    private EventStreamRelay() {
    }

    /** How a relayed stream ended. */
    enum Ending {
        /** The provider ended the stream. */
        COMPLETE,
        /** The provider's stream broke off; the client got an error event. */
        PROVIDER_BROKE_OFF,
        /** The provider sent nothing for too long, so its stream was ended; the client got an error event. */
        PROVIDER_FELL_SILENT,
        /** The client went away. */
        CLIENT_WENT_AWAY
    }

    /** Sees the data of each event on its way; an event it declines does not reach the client. */
    @FunctionalInterface
    interface DataObserver {

        /** @return whether the client gets the event with this data */
        boolean forward(String data);
    }

    /**
     * Relays until the provider ends the stream, the provider's stream breaks (the client then
     * gets an error event and no {@code [DONE]}), or the client goes away.
     *
     * @param endedForSilence whether a broken stream was ended because the provider fell silent
     */
    static Ending relay(InputStream upstream, OutputStream client, DataObserver observer,
            BooleanSupplier endedForSilence) {
        BufferedReader events = new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8));
        boolean insideEvent = false;
        boolean dropping = false;
        while (true) {
            String line;
            try {
                line = events.readLine();
            }
            catch (IOException ex) {
                String separator = insideEvent ? "\n" : "";
                if (endedForSilence.getAsBoolean()) {
                    write(client, separator + FELL_SILENT_EVENT, true);
                    return Ending.PROVIDER_FELL_SILENT;
                }
                log.warn("Model provider's stream broke off: {}", ex.getMessage());
                write(client, separator + BROKEN_OFF_EVENT, true);
                return Ending.PROVIDER_BROKE_OFF;
            }
            if (line == null) {
                return write(client, insideEvent ? "\n" : "", true) ? Ending.COMPLETE : Ending.CLIENT_WENT_AWAY;
            }
            boolean endOfEvent = line.isEmpty();
            if (dropping) {
                dropping = !endOfEvent;
                continue;
            }
            // Only a whole event is dropped: one that starts with the declined data.
            if (line.startsWith("data:") && !observer.forward(dataOf(line)) && !insideEvent) {
                dropping = true;
                continue;
            }
            // Events the provider sent together leave together: a flush is a write to the socket.
            if (!write(client, line + "\n", endOfEvent && !moreReady(events))) {
                return Ending.CLIENT_WENT_AWAY;
            }
            insideEvent = !endOfEvent;
        }
    }

    /** Whether the provider has sent more that can be read without waiting. */
    private static boolean moreReady(BufferedReader events) {
        try {
            return events.ready();
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String dataOf(String line) {
        return line.startsWith("data: ") ? line.substring("data: ".length()) : line.substring("data:".length());
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
