package dev.gaia.npc.lifestrand;

import java.net.URI;
import java.util.UUID;

import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The NPC API: designers create characters, everyone in the game reads them. */
@RestController
@RequestMapping("/api/npcs")
class NpcController {

    private final NpcService npcs;

    NpcController(NpcService npcs) {
        this.npcs = npcs;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<CreatedNpc> create(@Valid @RequestBody LifeStrand lifeStrand, GaiaPrincipal caller) {
        UUID npcId = npcs.create(lifeStrand, caller);
        return ResponseEntity.created(URI.create("/api/npcs/" + npcId)).body(new CreatedNpc(npcId));
    }

    @GetMapping("/{npcId}")
    NpcResponse get(@PathVariable UUID npcId, GaiaPrincipal caller) {
        return npcs.get(npcId, caller);
    }

    @GetMapping
    NpcPage list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 200) String cursor, GaiaPrincipal caller) {
        return npcs.list(limit, cursor, caller);
    }
}
