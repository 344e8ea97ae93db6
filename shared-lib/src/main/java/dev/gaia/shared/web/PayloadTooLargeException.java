package dev.gaia.shared.web;

import java.io.IOException;

/** Thrown while reading a request body that grew past the service's limit. */
public final class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long maxBytes) {
        super("The request body is larger than the " + maxBytes + " bytes this service accepts.");
    }
}
