package dev.gaia.chat.npc;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** npc-service's API, as far as chat-service uses it. */
@HttpExchange(url = "/api/npcs", accept = MediaType.APPLICATION_JSON_VALUE)
interface NpcClient {

    /**
     * The Life Strand of one NPC of the caller's game.
     *
     * @param authorization the caller's {@code Bearer} token: npc-service scopes the read to its game
     */
    @GetExchange("/{npcId}")
    LifeStrand lifeStrand(@PathVariable UUID npcId, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);
}
