package dev.gaia.npc.lifestrand;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A character as {@code GET /api/npcs/{id}} shows it: its Life Strand's fields beside its id,
 * game and times.
 */
record NpcResponse(
        UUID npcId,
        UUID gameId,
        @JsonUnwrapped LifeStrand lifeStrand,
        Instant createdAt,
        Instant updatedAt) {

    static NpcResponse of(Npc npc) {
        return new NpcResponse(npc.id(), npc.gameId(), npc.lifeStrand(), npc.createdAt(), npc.updatedAt());
    }
}
