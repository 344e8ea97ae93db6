package dev.gaia.chat.npc;

import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/** Looks NPCs up in npc-service on behalf of the caller, so that they see only their own game's NPCs. */
@Service
public class NpcDirectory {

    private static final Logger log = LoggerFactory.getLogger(NpcDirectory.class);

    private final NpcClient npcs;

    NpcDirectory(NpcClient npcs) {
        this.npcs = npcs;
    }

    /**
     * The Life Strand of an NPC of the caller's game.
     *
     * @throws ProblemException 404 {@code npc_not_found} when the game has no such NPC, 503
     *         {@code npc_service_unavailable} when npc-service cannot answer
     */
    public LifeStrand lifeStrand(UUID npcId, GaiaPrincipal caller) {
        try {
            return npcs.lifeStrand(npcId, "Bearer " + caller.bearerToken());
        }
        catch (HttpClientErrorException.NotFound ex) {
            throw ProblemException.notFound("npc_not_found", "There is no NPC " + npcId + " in this game.");
        }
        catch (RestClientException ex) {
            log.warn("npc-service could not give the Life Strand of NPC {}: {}", npcId, ex.getMessage());
            throw ProblemException.unavailable("npc_service_unavailable",
                    "The NPC service is not available right now; try again shortly.");
        }
    }
}
