package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCallMetricsTests {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ModelCallMetrics metrics = new ModelCallMetrics(registry);

    {
        registry.config().meterFilter(ModelCallMetrics.modelNameLimit());
    }

    @Test
    void countsAStreamedCallWithItsTimesTokensAndCost() {
        metrics.record(call("chat", "gpt-4o-mini", TokenUsage.of(12, 30), new BigDecimal("0.0021"),
                Duration.ofMillis(900), Duration.ofMillis(250), CallOutcome.OK));

        Timer calls = registry.get(ModelCallMetrics.CALLS).tag("provider", "openai").tag("model", "gpt-4o-mini")
                .tag("role", "chat").tag("outcome", "ok").timer();
        assertThat(calls.count()).isOne();
        assertThat(calls.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(900);
        assertThat(registry.get(ModelCallMetrics.FIRST_TOKEN).tag("model", "gpt-4o-mini").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
        assertThat(registry.get(ModelCallMetrics.TOKENS).tag("direction", "input").counter().count()).isEqualTo(12);
        assertThat(registry.get(ModelCallMetrics.TOKENS).tag("direction", "output").counter().count()).isEqualTo(30);
        assertThat(registry.get(ModelCallMetrics.COST).tag("model", "gpt-4o-mini").counter().count())
                .isEqualTo(0.0021);
    }

    @Test
    void keepsOutcomesApartAndCountsNoTokensOrCostItDoesNotKnow() {
        metrics.record(call("summary", "gpt-4o-mini", TokenUsage.unknown(), null, Duration.ofMillis(40), null,
                CallOutcome.PROVIDER_ERROR));
        metrics.record(call("summary", "gpt-4o-mini", TokenUsage.of(3, 1), null, Duration.ofMillis(60), null,
                CallOutcome.OK));

        assertThat(registry.get(ModelCallMetrics.CALLS).tag("outcome", "provider_error").timer().count()).isOne();
        assertThat(registry.get(ModelCallMetrics.CALLS).tag("outcome", "ok").timer().count()).isOne();
        assertThat(registry.find(ModelCallMetrics.FIRST_TOKEN).timers()).as("no stream, no first token").isEmpty();
        assertThat(registry.get(ModelCallMetrics.TOKENS).tag("direction", "input").counter().count()).isEqualTo(3);
        assertThat(registry.find(ModelCallMetrics.COST).counters()).as("an unpriced model costs nothing known")
                .isEmpty();
    }

    @Test
    void tagsACallThatNamedAModelRatherThanARoleWithRoleNone() {
        metrics.record(call(null, "gpt-4o-mini", TokenUsage.none(), null, Duration.ofMillis(5), null, CallOutcome.OK));

        assertThat(registry.get(ModelCallMetrics.CALLS).tag("role", "none").timer().count()).isOne();
    }

    @Test
    void keepsOnlyTheFirstHundredModelNamesApart() {
        for (int i = 0; i < ModelCallMetrics.MAX_MODEL_NAMES + 20; i++) {
            metrics.record(call("chat", "made-up-" + i, TokenUsage.unknown(), null, Duration.ofMillis(5), null,
                    CallOutcome.PROVIDER_ERROR));
        }

        assertThat(registry.find(ModelCallMetrics.CALLS).timers()).hasSize(ModelCallMetrics.MAX_MODEL_NAMES);
    }

    private static ModelCall call(@Nullable String role, String model, TokenUsage tokens, @Nullable BigDecimal cost,
            Duration latency, @Nullable Duration timeToFirstToken, CallOutcome outcome) {
        CallContext context = new CallContext(UUID.randomUUID(), UUID.randomUUID(), null, role, "openai", model);
        return new ModelCall(UUID.randomUUID(), context, tokens, cost, latency, timeToFirstToken, outcome,
                outcome == CallOutcome.OK ? null : "model_provider_error", Instant.now());
    }
}
