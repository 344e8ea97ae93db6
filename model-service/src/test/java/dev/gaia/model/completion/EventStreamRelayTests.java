package dev.gaia.model.completion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamRelayTests {

    private static final String EVENTS = """
            data: {"choices":[{"delta":{"content":"Hel"}}]}

            data: {"choices":[{"delta":{"content":"lo"}}]}

            data: [DONE]

            """;

    private static final EventStreamRelay.DataObserver EVERY_EVENT = data -> true;

    private static final BooleanSupplier NOT_SILENCED = () -> false;

    @Test
    void relaysEveryEventAsItCameAndFlushesOnceTheProviderHasNothingMoreForNow() {
        RecordingClient client = new RecordingClient();
        String first = "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n";
        String second = "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n";

        EventStreamRelay.Ending ending = EventStreamRelay.relay(new SequenceInputStream(utf8(first), utf8(second)),
                client, EVERY_EVENT, NOT_SILENCED);

        assertThat(ending).isEqualTo(EventStreamRelay.Ending.COMPLETE);
        assertThat(client.text()).isEqualTo(EVENTS);
        assertThat(client.flushedTexts).as("each arrival flushed once, the events that came together in one")
                .containsExactly(first, second);
    }

    @Test
    void endsAnEventTheProviderLeftOpen() {
        RecordingClient client = new RecordingClient();

        EventStreamRelay.relay(utf8("data: [DONE]"), client, EVERY_EVENT, NOT_SILENCED);

        assertThat(client.text()).isEqualTo("data: [DONE]\n\n");
    }

    @Test
    void tellsTheClientWhenTheProviderBreaksOffMidEvent() {
        RecordingClient client = new RecordingClient();
        EventStreamRelay.Ending ending = EventStreamRelay.relay(breakingAfter("data: {\"choices\":[]}\n\ndata: {\"cho"),
                client, EVERY_EVENT, NOT_SILENCED);

        assertThat(ending).isEqualTo(EventStreamRelay.Ending.PROVIDER_BROKE_OFF);
        assertThat(client.text()).isEqualTo("data: {\"choices\":[]}\n\n" + EventStreamRelay.BROKEN_OFF_EVENT)
                .doesNotContain("[DONE]");
    }

    @Test
    void tellsTheClientTheProviderFellSilentWhenItsStreamWasEndedForSilence() {
        RecordingClient client = new RecordingClient();

        EventStreamRelay.Ending ending = EventStreamRelay.relay(breakingAfter("data: {\"choices\":[]}\n\n"), client,
                EVERY_EVENT, () -> true);

        assertThat(ending).isEqualTo(EventStreamRelay.Ending.PROVIDER_FELL_SILENT);
        assertThat(client.text()).isEqualTo("data: {\"choices\":[]}\n\n" + EventStreamRelay.FELL_SILENT_EVENT)
                .contains("\"code\":\"model_provider_timeout\"").doesNotContain("[DONE]");
    }

    @Test
    void stopsReadingWhenTheClientIsGone() {
        CountingInputStream upstream = new CountingInputStream(utf8(EVENTS.repeat(1000)));
        OutputStream goneClient = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        EventStreamRelay.Ending ending = EventStreamRelay.relay(upstream, goneClient, EVERY_EVENT, NOT_SILENCED);

        assertThat(ending).isEqualTo(EventStreamRelay.Ending.CLIENT_WENT_AWAY);
        assertThat(upstream.bytesRead).isLessThan(EVENTS.length() * 1000L);
    }

    @Test
    void showsTheObserverEveryEventsDataAndLeavesOutTheEventsItDeclines() {
        RecordingClient client = new RecordingClient();
        List<String> seen = new ArrayList<>();

        EventStreamRelay.relay(utf8(EVENTS), client, data -> {
            seen.add(data);
            return !data.contains("\"lo\"");
        }, NOT_SILENCED);

        assertThat(seen).containsExactly("{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}", "[DONE]");
        assertThat(client.text()).isEqualTo("""
                data: {"choices":[{"delta":{"content":"Hel"}}]}

                data: [DONE]

                """);
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text}, then the connection breaks. */
    private static InputStream breakingAfter(String text) {
        return new SequenceInputStream(utf8(text), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
    }

    /** A client that records what it received, and what it had received at each flush. */
    private static final class RecordingClient extends OutputStream {

        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final List<String> flushedTexts = new ArrayList<>();
        private int flushedUpTo;

        @Override
        public void write(int b) {
            received.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            received.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            String text = text();
            if (text.length() > flushedUpTo) {
                flushedTexts.add(text.substring(flushedUpTo));
                flushedUpTo = text.length();
            }
        }

        String text() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static final class CountingInputStream extends InputStream {

        private final InputStream delegate;
        private long bytesRead;

        CountingInputStream(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            bytesRead += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, Math.min(length, 64));
            bytesRead += Math.max(n, 0);
            return n;
        }
    }
}
