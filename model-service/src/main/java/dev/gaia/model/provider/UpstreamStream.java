package dev.gaia.model.provider;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.client.ClientHttpResponse;

/**
 * A provider's answer being streamed. Closing it before the end cancels the upstream request:
 * the connection is closed, so the provider stops generating.
 */
public final class UpstreamStream implements AutoCloseable {

    private final ClientHttpResponse response;

    UpstreamStream(ClientHttpResponse response) {
        this.response = response;
    }

    /** The answer's bytes as they arrive. */
    public InputStream body() throws IOException {
        return response.getBody();
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
