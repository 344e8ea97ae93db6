package dev.gaia.npc.proposal;

import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's game's proposal settings, for its designers and admins. */
@RestController
@RequestMapping("/api/npcs/settings")
@PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
class ProposalSettingsController {

    private final ProposalService proposals;

    ProposalSettingsController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GetMapping
    SettingsResponse get(GaiaPrincipal caller) {
        return proposals.settings(caller.gameId());
    }

    @PutMapping
    SettingsResponse put(@Valid @RequestBody PutSettingsRequest request, GaiaPrincipal caller) {
        return proposals.changeSettings(caller.gameId(), request, caller.userId());
    }
}
