package dev.gaia.model.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Measures one model call while it runs and records it once when it ends. Made by
 * {@link UsageRecorder#start(CallContext)} and used by the one thread that serves the call:
 *
 * <pre>{@code
 * try (ModelCallMeter meter = usage.start(context)) {
 *     JsonNode answer = provider.call(...);     // a ProblemException: meter.failed(ex.code())
 *     meter.tokens(TokenUsage.fromOpenAi(answer.path("usage")));
 *     meter.succeeded();
 * }
 * }</pre>
 *
 * The first of {@link #succeeded()}, {@link #cancelled()}, {@link #failed(String)} records the
 * call; closing a meter that none of them ended records it as {@link CallOutcome#FAILED}.
 */
public final class ModelCallMeter implements AutoCloseable {

    private final Sink sink;
    private final CallContext context;
    private final Instant startedAt;
    private final long startNanos;
    private @Nullable Duration timeToFirstToken;
    private TokenUsage tokens = TokenUsage.unknown();
    private int promptTokensEstimate;
    private int generatedTokensEstimate;
    private boolean recorded;

    ModelCallMeter(Sink sink, CallContext context, Instant startedAt, long startNanos) {
        this.sink = sink;
        this.context = context;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
    }

    /** The first generated token arrived; later calls change nothing. */
    public void firstToken() {
        if (timeToFirstToken == null) {
            timeToFirstToken = Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    /** Whether the first generated token has arrived. */
    public boolean sawFirstToken() {
        return timeToFirstToken != null;
    }

    /** The tokens the provider reported; unknown unless this is called. */
    public void tokens(TokenUsage reported) {
        this.tokens = reported;
    }

    /**
     * About how many tokens the prompt is, for the cost of a call whose provider reports no usage
     * (a stream the client cancelled): such a call is costed from the estimates once the model
     * generated something, so that cancelling before the usage chunk does not make a call free.
     */
    public void estimatePrompt(int tokens) {
        promptTokensEstimate = tokens;
    }

    /** About this many more tokens were generated (a streamed chunk is about one). */
    public void generated(int tokens) {
        generatedTokensEstimate += tokens;
    }

    /** The answer is complete. */
    public void succeeded() {
        record(CallOutcome.OK, null);
    }

    /** The client went away before the answer was complete. */
    public void cancelled() {
        record(CallOutcome.CLIENT_CANCELLED, null);
    }

    /** The provider failed; {@code problemCode} is the code of the problem the caller got. */
    public void failed(String problemCode) {
        record(CallOutcome.PROVIDER_ERROR, problemCode);
    }

    @Override
    public void close() {
        record(CallOutcome.FAILED, "internal_error");
    }

    private void record(CallOutcome outcome, @Nullable String errorCode) {
        if (recorded) {
            return;
        }
        recorded = true;
        Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
        TokenUsage estimate = generatedTokensEstimate > 0
                ? TokenUsage.of(promptTokensEstimate, generatedTokensEstimate) : null;
        sink.record(UUID.randomUUID(), context, tokens, estimate, latency, timeToFirstToken, outcome, errorCode,
                startedAt);
    }

    /** Where an ended call goes: {@link UsageRecorder}. */
    @FunctionalInterface
    interface Sink {

        /**
         * @param tokens the tokens the provider reported, or unknown
         * @param estimate Gaia's estimate of the tokens, to cost the call by when the provider
         *        reported none; none when nothing was generated
         */
        void record(UUID id, CallContext context, TokenUsage tokens, @Nullable TokenUsage estimate, Duration latency,
                @Nullable Duration timeToFirstToken, CallOutcome outcome, @Nullable String errorCode, Instant startedAt);
    }
}
