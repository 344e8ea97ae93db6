package dev.gaia.npc.lifestrand;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A character as {@code GET /api/npcs/{id}} shows it: its Life Strand's fields beside its id,
 * game and times.
 */
record NpcResponse(
        UUID npcId,
        UUID gameId,
        String name,
        LifeStrand.Background background,
        LifeStrand.Personality personality,
        LifeStrand.@Nullable CurrentStatus currentStatus,
        Map<String, JsonNode> relationships,
        List<String> knowledge,
        List<String> memories,
        Instant createdAt,
        Instant updatedAt) {

    static NpcResponse of(Npc npc) {
        LifeStrand strand = npc.lifeStrand();
        return new NpcResponse(npc.id(), npc.gameId(), strand.name(), strand.background(), strand.personality(),
                strand.currentStatus(), strand.relationships(), strand.knowledge(), strand.memories(),
                npc.createdAt(), npc.updatedAt());
    }
}
