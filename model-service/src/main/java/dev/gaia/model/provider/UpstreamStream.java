package dev.gaia.model.provider;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpResponse;

/**
 * A provider's answer being streamed. Closing it before the end cancels the upstream request:
 * the connection is closed, so the provider stops generating.
 */
public final class UpstreamStream implements AutoCloseable {

    private final ClientHttpResponse response;
    private final @Nullable InputStream body;

    UpstreamStream(ClientHttpResponse response) {
        this(response, null);
    }

    private UpstreamStream(ClientHttpResponse response, @Nullable InputStream body) {
        this.response = response;
        this.body = body;
    }

    /**
     * A streamed answer read through {@code body}: the response's body translated to OpenAI's
     * events as it arrives (a provider with another wire format), or the body itself.
     */
    public static UpstreamStream of(ClientHttpResponse response, InputStream body) {
        return new UpstreamStream(response, body);
    }

    /** The answer's bytes as they arrive. */
    public InputStream body() throws IOException {
        return body != null ? body : response.getBody();
    }

    @Override
    public void close() {
        // The body is closed first: closing the response alone would read the rest of the answer.
        try {
            response.getBody().close();
        }
        catch (IOException ex) {
            // Already broken off: nothing left to cancel.
        }
        response.close();
    }
}
