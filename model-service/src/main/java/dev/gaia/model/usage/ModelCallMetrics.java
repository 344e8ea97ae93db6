package dev.gaia.model.usage;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.stereotype.Component;

/**
 * Every model call as Prometheus sees it, beside its {@code model_call} row: the operations
 * view (how fast, how often failing, how many tokens, what it costs) without a query on the
 * database. Metrics are per provider, model and role, never per game or user, so that they
 * stay few.
 * <ul>
 * <li>{@value #CALLS}: a timer of each call from its arrival to the end of its answer, tagged
 * with its outcome as well;</li>
 * <li>{@value #FIRST_TOKEN}: a timer of the time to the first generated token of a stream;</li>
 * <li>{@value #TOKENS}: a counter of the tokens the provider reported, tagged
 * {@code direction=input|output};</li>
 * <li>{@value #COST}: a counter of the estimated cost in US dollars of priced models.</li>
 * </ul>
 */
@Component
class ModelCallMetrics {

    static final String CALLS = "gaia.model.calls";
    static final String FIRST_TOKEN = "gaia.model.first.token";
    static final String TOKENS = "gaia.model.tokens";
    static final String COST = "gaia.model.cost";

    /**
     * Distinct model names the metrics keep apart. A request may name any model of a provider,
     * and one the provider does not know is still a call to count; past this many names, calls
     * of new names stay in {@code model_call} only.
     */
    static final int MAX_MODEL_NAMES = 100;

    private static final String NO_ROLE = "none";

    private final MeterRegistry registry;

    ModelCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Keeps the {@code model} tag of Gaia's model metrics to {@value #MAX_MODEL_NAMES} values. */
    static MeterFilter modelNameLimit() {
        return MeterFilter.maximumAllowableTags("gaia.model.", "model", MAX_MODEL_NAMES, MeterFilter.deny());
    }

    void record(ModelCall call) {
        CallContext context = call.context();
        Tags labels = Tags.of("provider", context.provider(), "model", context.model(), "role",
                context.role() == null ? NO_ROLE : context.role());
        Timer.builder(CALLS).description("Model calls, from their arrival to the end of the answer")
                .tags(labels).tag("outcome", call.outcome().value())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry).record(call.latency());
        if (call.timeToFirstToken() != null) {
            Timer.builder(FIRST_TOKEN).description("Time from a streamed call's arrival to its first generated token")
                    .tags(labels)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(1))
                    .register(registry).record(call.timeToFirstToken());
        }
        TokenUsage tokens = call.tokens();
        if (tokens.known()) {
            tokenCounter(labels, "input").increment(tokens.input());
            tokenCounter(labels, "output").increment(tokens.output());
        }
        if (call.costUsd() != null) {
            Counter.builder(COST).description("Estimated cost of model calls by the configured price table")
                    .baseUnit("usd").tags(labels).register(registry).increment(call.costUsd().doubleValue());
        }
    }

    private Counter tokenCounter(Tags labels, String direction) {
        return Counter.builder(TOKENS).description("Tokens of model calls as their providers reported them")
                .baseUnit("tokens").tags(labels).tag("direction", direction).register(registry);
    }
}
