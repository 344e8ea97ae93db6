package dev.gaia.npc.version;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gaia.npc.lifestrand.ChangeReason;
import org.jspecify.annotations.Nullable;

/**
 * A version as a list shows it: everything but the Life Strand.
 *
 * @param version the version, counting from 1
 * @param reason why it was made
 * @param note what its author said about it
 * @param actorId who made it; absent when the platform did
 * @param createdAt when it was made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VersionSummary(long version, ChangeReason reason, @Nullable String note, @Nullable UUID actorId,
        Instant createdAt) {
}
