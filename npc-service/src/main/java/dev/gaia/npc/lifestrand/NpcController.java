package dev.gaia.npc.lifestrand;

import java.net.URI;
import java.util.UUID;

import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NPC API: designers and admins create, replace, patch, hide and delete characters; everyone
 * in the game reads those players may see. Writes name the version they were made against in
 * {@code If-Match} (the {@code ETag} of a read) and answer the new one.
 */
@RestController
@RequestMapping("/api/npcs")
class NpcController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final NpcService npcs;

    NpcController(NpcService npcs) {
        this.npcs = npcs;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<CreatedNpc> create(@Valid @RequestBody LifeStrand lifeStrand,
            @RequestParam(name = "visible_to_players", defaultValue = "true") boolean visibleToPlayers,
            @RequestHeader(name = IfMatch.CHANGE_NOTE_HEADER, required = false) @Nullable String note,
            GaiaPrincipal caller) {
        NpcView npc = npcs.create(caller.gameId(), caller.userId(), lifeStrand, ChangeReason.CREATED,
                IfMatch.note(note), visibleToPlayers);
        return ResponseEntity.created(URI.create("/api/npcs/" + npc.npcId()))
                .eTag(IfMatch.etag(npc.version()))
                .body(new CreatedNpc(npc.npcId(), npc.version()));
    }

    @GetMapping("/{npcId}")
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    ResponseEntity<NpcResponse> get(@PathVariable UUID npcId, GaiaPrincipal caller) {
        return withETag(npcs.read(npcId, caller));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    NpcPage list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 200) String cursor,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = 100) String name,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = 50) String tag,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = 200) String occupation,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = 200) String location,
            GaiaPrincipal caller) {
        return npcs.list(new NpcFilter(name, tag, occupation, location), limit, cursor, caller);
    }

    @PutMapping("/{npcId}")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<NpcResponse> replace(@PathVariable UUID npcId, @Valid @RequestBody LifeStrand lifeStrand,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(name = IfMatch.CHANGE_NOTE_HEADER, required = false) @Nullable String note,
            GaiaPrincipal caller) {
        Long expected = IfMatch.required(ifMatch);
        return withETag(npcs.edit(npcId, caller, IfMatch.note(note), expected, current -> lifeStrand));
    }

    @PatchMapping(path = "/{npcId}", consumes = MERGE_PATCH_JSON)
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<NpcResponse> patch(@PathVariable UUID npcId, @RequestBody JsonNode mergePatch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(name = IfMatch.CHANGE_NOTE_HEADER, required = false) @Nullable String note,
            GaiaPrincipal caller) {
        Long expected = IfMatch.required(ifMatch);
        return withETag(npcs.edit(npcId, caller, IfMatch.note(note), expected, npcs.mergePatch(mergePatch)));
    }

    @PutMapping("/{npcId}/visibility")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    Visibility setVisibility(@PathVariable UUID npcId, @Valid @RequestBody Visibility visibility,
            GaiaPrincipal caller) {
        npcs.setVisibility(caller.gameId(), npcId, visibility.visibleToPlayers());
        return visibility;
    }

    @DeleteMapping("/{npcId}")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID npcId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            GaiaPrincipal caller) {
        npcs.delete(caller.gameId(), npcId, caller.userId(), IfMatch.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<NpcResponse> withETag(NpcResponse npc) {
        return ResponseEntity.ok().eTag(IfMatch.etag(npc.version())).body(npc);
    }
}
