package dev.gaia.npc.lifestrand;

import java.util.UUID;

import dev.gaia.shared.events.OutboxWriter;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and reads characters. Everything happens inside the caller's game: a character of
 * another game does not exist for them.
 */
@Service
class NpcService {

    private final NpcRepository npcs;
    private final OutboxWriter outbox;

    NpcService(NpcRepository npcs, OutboxWriter outbox) {
        this.npcs = npcs;
        this.outbox = outbox;
    }

    /** Creates a character in the caller's game and reports it as {@code npc.created}. */
    @Transactional
    UUID create(LifeStrand lifeStrand, GaiaPrincipal caller) {
        Npc npc = npcs.save(new Npc(caller.gameId(), caller.userId(), lifeStrand));
        outbox.write(npc.gameId(), "npc", "created", 1, new NpcCreated(npc.id(), npc.name(), npc.createdBy()));
        return npc.id();
    }

    @Transactional(readOnly = true)
    NpcResponse get(UUID npcId, GaiaPrincipal caller) {
        return npcs.findByIdAndGameIdAndDeletedAtIsNull(npcId, caller.gameId())
                .map(NpcResponse::of)
                .orElseThrow(() -> ProblemException.notFound("npc_not_found",
                        "There is no NPC " + npcId + " in your game."));
    }

    /** A page of the caller's game's characters, oldest first, after {@code cursor} if given. */
    @Transactional(readOnly = true)
    NpcPage list(int limit, @Nullable String cursor, GaiaPrincipal caller) {
        ScrollPosition position = cursor == null ? ScrollPosition.keyset() : PageCursor.decode(cursor).position();
        Window<Npc> window = npcs.findByGameIdAndDeletedAtIsNullOrderByCreatedAtAscIdAsc(caller.gameId(),
                position, Limit.of(limit));
        String nextCursor = window.hasNext() && !window.isEmpty()
                ? PageCursor.after(window.getContent().getLast()).encode()
                : null;
        return new NpcPage(window.map(NpcResponse::of).getContent(), nextCursor);
    }
}
