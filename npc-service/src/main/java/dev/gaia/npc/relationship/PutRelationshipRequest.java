package dev.gaia.npc.relationship;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A relationship as a designer writes it, replacing what was there.
 *
 * @param type what the relationship is
 * @param trust -1..1
 * @param affinity -1..1
 * @param familiarity -1..1
 * @param respect -1..1
 * @param notes a few words about it
 */
record PutRelationshipRequest(
        @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) RelationshipType type,
        @NotNull @DecimalMin("-1") @DecimalMax("1") Double trust,
        @NotNull @DecimalMin("-1") @DecimalMax("1") Double affinity,
        @NotNull @DecimalMin("-1") @DecimalMax("1") Double familiarity,
        @NotNull @DecimalMin("-1") @DecimalMax("1") Double respect,
        @Nullable @Size(max = 1000) String notes) {
}
