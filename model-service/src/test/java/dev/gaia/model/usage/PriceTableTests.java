package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTests {

    private final PriceTable prices = new PriceTable(new UsageProperties(Map.of(
            "openai/gpt-4o-mini", new UsageProperties.Price(new BigDecimal("0.15"), new BigDecimal("0.60")),
            "anthropic/claude-sonnet-4", new UsageProperties.Price(new BigDecimal("3"), new BigDecimal("15"))),
            new UsageProperties.Budgets(null, java.time.Duration.ofSeconds(5))));

    @Test
    void chargesInputAndOutputTokensByTheirPricePerMillion() {
        assertThat(prices.costOf("openai", "gpt-4o-mini", TokenUsage.of(1_000_000, 2_000_000)))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("1.35"));
        assertThat(prices.costOf("anthropic", "claude-sonnet-4", TokenUsage.of(1200, 350)))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.00885"));
    }

    @Test
    void keepsTheCostOfASingleTokenExact() {
        assertThat(prices.costOf("openai", "gpt-4o-mini", TokenUsage.of(1, 0)))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.00000015"));
    }

    @Test
    void findsTheProviderWhateverItsCase() {
        assertThat(prices.priced("OpenAI", "gpt-4o-mini")).isTrue();
        assertThat(prices.costOf("OpenAI", "gpt-4o-mini", TokenUsage.of(10, 10))).isPresent();
    }

    @Test
    void countsNoCostWhenTheProviderReportedNoTokens() {
        assertThat(prices.costOf("openai", "gpt-4o-mini", TokenUsage.unknown())).isEmpty();
    }

    @Test
    void countsNoCostForAModelWithoutAPrice() {
        assertThat(prices.priced("ollama", "llama3.2")).isFalse();
        assertThat(prices.costOf("ollama", "llama3.2", TokenUsage.of(100, 100))).isEmpty();
        assertThat(prices.costOf("openai", "GPT-4O-MINI", TokenUsage.of(100, 100))).as("model names are exact")
                .isEmpty();
    }

    @Test
    void chargesNothingForACallThatSentNothing() {
        assertThat(prices.costOf("openai", "gpt-4o-mini", TokenUsage.none()))
                .hasValueSatisfying(cost -> assertThat(cost).isZero());
    }
}
