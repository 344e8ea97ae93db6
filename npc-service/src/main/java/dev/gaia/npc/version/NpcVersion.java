package dev.gaia.npc.version;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import org.jspecify.annotations.Nullable;

/**
 * One version of a character's Life Strand ({@code GET /api/npcs/{id}/versions/{v}}).
 *
 * @param npcId the character
 * @param version the version, counting from 1
 * @param reason why it was made
 * @param note what its author said about it
 * @param actorId who made it; absent when the platform did
 * @param createdAt when it was made
 * @param lifeStrand the Life Strand of that version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NpcVersion(UUID npcId, long version, ChangeReason reason, @Nullable String note, @Nullable UUID actorId,
        Instant createdAt, LifeStrand lifeStrand) {
}
