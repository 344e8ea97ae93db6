package dev.gaia.shared.test;

/**
 * Integration tests need a piece of real infrastructure that could not be found or started.
 * The message says how to get it; tests fail with it rather than skip.
 */
public class InfrastructureUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to get it
     */
    public InfrastructureUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what is missing and how to get it
     * @param cause why it could not be started
     */
    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
