package dev.gaia.npc.relationship;

import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An interaction to record.
 *
 * @param quality how it went, from -1 (badly) to 1 (well)
 * @param summary what happened, in a sentence
 * @param occurredAt when; left out, now
 */
record InteractionRequest(
        @NotNull @DecimalMin("-1") @DecimalMax("1") Double quality,
        @NotBlank @Size(max = 500) String summary,
        @Nullable @PastOrPresent Instant occurredAt) {
}
