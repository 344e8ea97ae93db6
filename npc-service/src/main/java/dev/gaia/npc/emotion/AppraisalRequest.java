package dev.gaia.npc.emotion;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * An event of a conversation to appraise.
 *
 * @param event what happened, such as {@code PRAISE}
 * @param intensity how strong it was, 0..1
 * @param sentiment for a {@code MESSAGE} (where it is required), how positive it was, -1..1
 */
record AppraisalRequest(
        @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) AppraisalEvent event,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double intensity,
        @Nullable @DecimalMin("-1") @DecimalMax("1") Double sentiment) {
}
