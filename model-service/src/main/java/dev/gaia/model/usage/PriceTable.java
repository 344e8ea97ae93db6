package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The configured prices, and what a call costs by them. */
@Component
class PriceTable {

    /** The scale of {@code model_call.cost_usd}: a ten-billionth of a dollar. */
    static final int COST_SCALE = 10;

    private static final int PER_MILLION = 6;

    private final Map<String, UsageProperties.Price> prices;

    PriceTable(UsageProperties properties) {
        this.prices = properties.prices();
    }

    /** Whether calls to this model cost money that Gaia counts (and a budget can run out). */
    boolean priced(String provider, String model) {
        return prices.containsKey(UsageProperties.priceKey(provider, model));
    }

    /**
     * The cost of a call in US dollars, exact to {@value #COST_SCALE} decimals; empty when the
     * tokens are unknown or the model has no price.
     */
    Optional<BigDecimal> costOf(String provider, String model, TokenUsage tokens) {
        UsageProperties.Price price = prices.get(UsageProperties.priceKey(provider, model));
        if (price == null || !tokens.known()) {
            return Optional.empty();
        }
        BigDecimal input = price.inputPerMillion().multiply(BigDecimal.valueOf(tokens.input()));
        BigDecimal output = price.outputPerMillion().multiply(BigDecimal.valueOf(tokens.output()));
        return Optional.of(input.add(output).movePointLeft(PER_MILLION).setScale(COST_SCALE, RoundingMode.HALF_UP));
    }
}
