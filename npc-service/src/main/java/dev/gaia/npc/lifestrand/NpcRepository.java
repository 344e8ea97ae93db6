package dev.gaia.npc.lifestrand;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.Repository;

/** The characters of every game; every lookup names the game. */
interface NpcRepository extends Repository<Npc, UUID> {

    Npc save(Npc npc);

    Optional<Npc> findByIdAndGameIdAndDeletedAtIsNull(UUID id, UUID gameId);

    /** A game's characters in the order they were created, from a keyset position on. */
    Window<Npc> findByGameIdAndDeletedAtIsNullOrderByCreatedAtAscIdAsc(UUID gameId, ScrollPosition position,
            Limit limit);
}
