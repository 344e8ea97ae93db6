package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One recorded model call, a row of {@code model_call}.
 *
 * @param id the row's id
 * @param context who called and which model answered
 * @param tokens the tokens the provider reported
 * @param costUsd the estimated cost, or none when the tokens are unknown or the model has no price
 * @param latency from the request to the end of the answer
 * @param timeToFirstToken from the request to the first generated token of a stream; none otherwise
 * @param outcome how the call ended
 * @param errorCode the problem code of a failed call
 * @param startedAt when the call arrived
 */
record ModelCall(UUID id, CallContext context, TokenUsage tokens, @Nullable BigDecimal costUsd, Duration latency,
        @Nullable Duration timeToFirstToken, CallOutcome outcome, @Nullable String errorCode, Instant startedAt) {
}
