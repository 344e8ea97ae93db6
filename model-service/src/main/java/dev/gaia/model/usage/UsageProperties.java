package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prices and budgets, bound from {@code gaia.model.prices.*} and {@code gaia.model.budgets.*}.
 *
 * @param prices what a million tokens cost per {@code provider/model}, such as
 *        {@code gaia.model.prices[openai/gpt-4o-mini].input-per-million=0.15} (the brackets keep
 *        the slash in the key); a model without a price costs nothing that Gaia can count
 * @param budgets the monthly spend each game may reach
 */
@ConfigurationProperties("gaia.model")
public record UsageProperties(Map<String, Price> prices, @DefaultValue Budgets budgets) {

    public UsageProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /**
     * The price of a model in US dollars.
     *
     * @param inputPerMillion what a million prompt tokens cost
     * @param outputPerMillion what a million generated tokens cost
     */
    public record Price(@DefaultValue("0") BigDecimal inputPerMillion, @DefaultValue("0") BigDecimal outputPerMillion) {

        public Price {
            if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
                throw new IllegalArgumentException("A price in gaia.model.prices cannot be negative");
            }
        }
    }

    /**
     * Monthly budgets; a game's own budget (set through the API) replaces the default.
     *
     * @param defaultMonthlyUsd what a game may spend per calendar month (UTC) unless it has its
     *        own budget; none means no limit; env {@code GAIA_MODEL_BUDGET_DEFAULT_MONTHLY_USD}
     * @param spendRefresh how long a game's cached spend and budget are trusted on the hot path
     *        before they are read again from the database (other instances' calls show up then)
     */
    public record Budgets(@Nullable BigDecimal defaultMonthlyUsd, @DefaultValue("5s") Duration spendRefresh) {

        public Budgets {
            if (defaultMonthlyUsd != null && defaultMonthlyUsd.signum() < 0) {
                throw new IllegalArgumentException("gaia.model.budgets.default-monthly-usd cannot be negative");
            }
        }
    }

    /** The key of a model in the price table: {@code provider/model}, the provider in lower case. */
    static String priceKey(String provider, String model) {
        return provider.toLowerCase(Locale.ROOT) + "/" + model;
    }
}
