package dev.gaia.npc.lifestrand;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A character's Life Strand got a new version (on creation, every change and every rollback):
 * a Spring application event, published inside the transaction of the change so that its
 * history is written with it.
 *
 * @param gameId the character's game
 * @param npcId the character
 * @param version the new version
 * @param lifeStrand the Life Strand of that version
 * @param reason why it changed
 * @param note what the author said about the change, if anything
 * @param actorId who changed it; {@code null} when the platform itself did
 * @param at when it changed
 */
public record NpcRevised(UUID gameId, UUID npcId, long version, LifeStrand lifeStrand, ChangeReason reason,
        @Nullable String note, @Nullable UUID actorId, Instant at) {
}
