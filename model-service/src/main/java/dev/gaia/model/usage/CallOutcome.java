package dev.gaia.model.usage;

/** How a model call ended, as stored in {@code model_call.outcome}. */
public enum CallOutcome {

    /** The provider answered in full. */
    OK("ok"),

    /** The client went away before the answer was complete; generation was cancelled upstream. */
    CLIENT_CANCELLED("client_cancelled"),

    /** The provider failed, before or during the answer; the problem code says how. */
    PROVIDER_ERROR("provider_error"),

    /** The game's monthly budget was spent, so no provider was called. */
    REJECTED_BUDGET("rejected_budget"),

    /** The call failed inside Gaia, not at the provider; the problem code says how. */
    FAILED("failed");

    private final String value;

    CallOutcome(String value) {
        this.value = value;
    }

    /** The stored and reported value. */
    public String value() {
        return value;
    }
}
