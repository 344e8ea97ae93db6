package dev.gaia.npc.relationship;

import java.util.UUID;

import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A character's relationships: read by everyone of the game who may see the character (a
 * relationship with a player only by that player and designers and admins), written by designers
 * and admins.
 */
@RestController
@RequestMapping("/api/npcs/{npcId}")
class RelationshipController {

    private final RelationshipService relationships;

    RelationshipController(RelationshipService relationships) {
        this.relationships = relationships;
    }

    @GetMapping("/relationships")
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    RelationshipPage list(@PathVariable UUID npcId, @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 200) String cursor, GaiaPrincipal caller) {
        return relationships.list(caller, npcId, limit, cursor);
    }

    @GetMapping("/relationships/stats")
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    RelationshipStats stats(@PathVariable UUID npcId, GaiaPrincipal caller) {
        return relationships.stats(caller, npcId);
    }

    @GetMapping("/relationships/{targetType}/{targetId}")
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    RelationshipResponse get(@PathVariable UUID npcId, @PathVariable @Size(max = 10) String targetType,
            @PathVariable UUID targetId, GaiaPrincipal caller) {
        return relationships.get(caller, npcId, TargetType.parse(targetType), targetId);
    }

    @PutMapping("/relationships/{targetType}/{targetId}")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    RelationshipResponse put(@PathVariable UUID npcId, @PathVariable @Size(max = 10) String targetType,
            @PathVariable UUID targetId, @Valid @RequestBody PutRelationshipRequest request, GaiaPrincipal caller) {
        return relationships.put(caller.gameId(), npcId, TargetType.parse(targetType), targetId, request);
    }

    @PostMapping("/relationships/{targetType}/{targetId}/interactions")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    RelationshipResponse recordInteraction(@PathVariable UUID npcId, @PathVariable @Size(max = 10) String targetType,
            @PathVariable UUID targetId, @Valid @RequestBody InteractionRequest request, GaiaPrincipal caller) {
        return relationships.recordInteraction(caller.gameId(), npcId, TargetType.parse(targetType), targetId, request,
                caller.userId());
    }

    @GetMapping("/compatibility/{otherNpcId}")
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    CompatibilityResponse compatibility(@PathVariable UUID npcId, @PathVariable UUID otherNpcId, GaiaPrincipal caller) {
        return relationships.compatibility(caller, npcId, otherNpcId);
    }
}
