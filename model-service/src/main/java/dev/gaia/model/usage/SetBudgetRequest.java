package dev.gaia.model.usage;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PUT /api/models/budget}.
 *
 * @param monthlyUsd what the game may spend per calendar month (UTC) in US dollars; 0 refuses
 *        every priced call
 */
record SetBudgetRequest(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal monthlyUsd) {
}
