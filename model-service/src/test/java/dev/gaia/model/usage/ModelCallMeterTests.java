package dev.gaia.model.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCallMeterTests {

    private static final CallContext CALL = new CallContext(UUID.randomUUID(), UUID.randomUUID(), null, "chat",
            "openai", "gpt-4o-mini");

    private final List<Recorded> recorded = new ArrayList<>();
    private final ModelCallMeter meter = new ModelCallMeter(
            (id, context, tokens, estimate, latency, ttft, outcome, errorCode, startedAt) -> recorded.add(
                    new Recorded(context, tokens, estimate, latency, ttft, outcome, errorCode)),
            CALL, Instant.now(), System.nanoTime());

    @Test
    void recordsACompleteCallOnceWithItsTokensAndTimes() throws Exception {
        Thread.sleep(2);
        meter.firstToken();
        assertThat(meter.sawFirstToken()).isTrue();
        meter.tokens(TokenUsage.of(12, 30));
        meter.succeeded();
        meter.cancelled();
        meter.close();

        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.context()).isEqualTo(CALL);
            assertThat(call.outcome()).isEqualTo(CallOutcome.OK);
            assertThat(call.tokens()).isEqualTo(TokenUsage.of(12, 30));
            assertThat(call.timeToFirstToken()).isPositive().isLessThanOrEqualTo(call.latency());
            assertThat(call.errorCode()).isNull();
        });
    }

    @Test
    void keepsTheTimeOfTheFirstTokenOnly() throws Exception {
        meter.firstToken();
        Thread.sleep(5);
        meter.firstToken();
        meter.succeeded();

        Recorded call = recorded.getFirst();
        assertThat(call.timeToFirstToken()).isNotNull();
        assertThat(call.timeToFirstToken().plusMillis(5)).as("the pause after the first token counts as generation")
                .isLessThanOrEqualTo(call.latency());
    }

    @Test
    void recordsACancelledStreamWithoutTokensButWithAnEstimateWhenTheProviderReportedNone() {
        meter.estimatePrompt(120);
        meter.firstToken();
        meter.generated(1);
        meter.generated(1);
        meter.cancelled();

        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.CLIENT_CANCELLED);
            assertThat(call.tokens().known()).isFalse();
            assertThat(call.estimate()).isEqualTo(TokenUsage.of(120, 2));
        });
    }

    @Test
    void estimatesNothingForACallThatGeneratedNothing() {
        meter.estimatePrompt(120);
        meter.failed("model_provider_error");

        assertThat(recorded).singleElement().satisfies(call -> assertThat(call.estimate()).isNull());
    }

    @Test
    void recordsAProvidersFailureWithItsProblemCode() {
        meter.failed("model_provider_rate_limited");

        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.PROVIDER_ERROR);
            assertThat(call.errorCode()).isEqualTo("model_provider_rate_limited");
            assertThat(call.timeToFirstToken()).isNull();
        });
    }

    @Test
    void recordsACallThatEndedWithoutAnOutcomeAsFailed() {
        meter.close();

        assertThat(recorded).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(call.errorCode()).isEqualTo("internal_error");
        });
    }

    private record Recorded(CallContext context, TokenUsage tokens, @Nullable TokenUsage estimate, Duration latency,
            @Nullable Duration timeToFirstToken, CallOutcome outcome, @Nullable String errorCode) {
    }
}
