package dev.gaia.model.provider;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpResponse;

/**
 * A provider's answer being streamed. Closing it before the end cancels it: the connection to a
 * remote provider is closed, an in-process model stops generating.
 */
public final class UpstreamStream implements AutoCloseable {

    private final Body body;
    private final Runnable cancel;
    private final @Nullable Runnable onClose;
    private final BooleanSupplier endedForSilence;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Where the answer's bytes come from. */
    @FunctionalInterface
    private interface Body {

        InputStream open() throws IOException;
    }

    UpstreamStream(ClientHttpResponse response) {
        this(response::getBody, () -> cancel(response), null, () -> false);
    }

    private UpstreamStream(Body body, Runnable cancel, @Nullable Runnable onClose, BooleanSupplier endedForSilence) {
        this.body = body;
        this.cancel = cancel;
        this.onClose = onClose;
        this.endedForSilence = endedForSilence;
    }

    /**
     * A streamed answer read through {@code body}: the response's body translated to OpenAI's
     * events as it arrives (a provider with another wire format), or the body itself.
     */
    public static UpstreamStream of(ClientHttpResponse response, InputStream body) {
        return new UpstreamStream(() -> body, () -> cancel(response), null, () -> false);
    }

    /** An answer generated in this process as OpenAI's events, stopped by {@code cancel}. */
    public static UpstreamStream generated(InputStream events, Runnable cancel) {
        return new UpstreamStream(() -> events, cancel, null, () -> false);
    }

    /**
     * The same answer read through {@code body} (this stream's body watched, or with its start
     * already read), running {@code onClose} once when it is closed; this stream is used no more.
     *
     * @param endedForSilence whether the watch that reads {@code body} ended the answer because the
     *        provider fell silent
     */
    public UpstreamStream guarded(InputStream body, Runnable onClose, BooleanSupplier endedForSilence) {
        Runnable previous = this.onClose;
        return new UpstreamStream(() -> body, cancel, previous == null ? onClose : () -> {
            try {
                previous.run();
            }
            finally {
                onClose.run();
            }
        }, endedForSilence);
    }

    /** Whether the answer was ended because the provider sent nothing for too long. */
    public boolean endedForSilence() {
        return endedForSilence.getAsBoolean();
    }

    /** The answer's bytes as they arrive. */
    public InputStream body() throws IOException {
        return body.open();
    }

    /** Closes the stream once; it may be closed from another thread to cancel it while it is read. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            cancel.run();
        }
        finally {
            if (onClose != null) {
                onClose.run();
            }
        }
    }

    /**
     * Breaks off the exchange. An answer read to its end has already given its connection back
     * to the pool, and then this does nothing; otherwise the connection is dropped, which tells
     * the provider to stop. Closing the body instead would read the rest of the answer first.
     */
    private static void cancel(ClientHttpResponse response) {
        try {
            if (response.getBody() instanceof EofSensorInputStream body) {
                body.abort();
            }
            else {
                response.close();
            }
        }
        catch (IOException ex) {
            // Already broken off: nothing left to cancel.
        }
    }
}
