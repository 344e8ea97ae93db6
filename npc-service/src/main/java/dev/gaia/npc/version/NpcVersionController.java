package dev.gaia.npc.version;

import java.util.UUID;

import dev.gaia.npc.lifestrand.IfMatch;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A character's history, for designers and admins: its versions, their differences, rollback. */
@RestController
@RequestMapping("/api/npcs/{npcId}/versions")
class NpcVersionController {

    private final NpcVersionService versions;

    NpcVersionController(NpcVersionService versions) {
        this.versions = versions;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    VersionPage list(@PathVariable UUID npcId, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 100) String cursor, GaiaPrincipal caller) {
        return versions.list(npcId, limit, cursor, caller);
    }

    @GetMapping("/{version}")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    NpcVersion get(@PathVariable UUID npcId, @PathVariable @Min(1) long version, GaiaPrincipal caller) {
        return versions.get(npcId, version, caller);
    }

    @GetMapping("/{from}/diff/{to}")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    VersionDiff diff(@PathVariable UUID npcId, @PathVariable @Min(1) long from, @PathVariable @Min(1) long to,
            GaiaPrincipal caller) {
        return versions.diff(npcId, from, to, caller);
    }

    /** Answers the new version, whose Life Strand equals version {@code version}'s, with its ETag. */
    @PostMapping("/{version}/rollback")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    ResponseEntity<NpcVersion> rollback(@PathVariable UUID npcId, @PathVariable @Min(1) long version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(name = IfMatch.CHANGE_NOTE_HEADER, required = false) @Nullable String note,
            GaiaPrincipal caller) {
        Long expected = IfMatch.required(ifMatch);
        NpcVersion rolledBack = versions.rollback(npcId, version, expected, IfMatch.note(note), caller);
        return ResponseEntity.ok().eTag(IfMatch.etag(rolledBack.version())).body(rolledBack);
    }
}
