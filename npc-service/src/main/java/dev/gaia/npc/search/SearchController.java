package dev.gaia.npc.search;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Semantic NPC search: everyone in a game finds its characters by meaning; players only those shown to them. */
@RestController
@RequestMapping("/api/npcs")
class SearchController {

    private final NpcSearchService search;

    SearchController(NpcSearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    @PreAuthorize("hasAnyRole('PLAYER', 'DESIGNER', 'ADMIN')")
    SearchResults search(@RequestParam @Size(max = 500) String q,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit, GaiaPrincipal caller) {
        if (q.isBlank()) {
            throw ProblemException.badRequest("invalid_parameter", "The value of 'q' must not be blank.");
        }
        return search.search(q, limit, caller);
    }
}
