package dev.gaia.npc.proposal;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Change proposals of a character: made, read and decided by the game's designers and admins. */
@RestController
@RequestMapping("/api/npcs/{npcId}/proposals")
@PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
class ProposalController {

    private final ProposalService proposals;

    ProposalController(ProposalService proposals) {
        this.proposals = proposals;
    }

    /** 201 with the proposal: {@code APPLIED} when it applied at once, else {@code PENDING}. */
    @PostMapping
    ResponseEntity<ProposalResponse> submit(@PathVariable UUID npcId, @Valid @RequestBody ProposalRequest request,
            GaiaPrincipal caller) {
        ProposalResponse proposal = proposals.submit(caller.gameId(), npcId, request, caller.userId());
        return ResponseEntity.created(URI.create("/api/npcs/" + npcId + "/proposals/" + proposal.proposalId()))
                .body(proposal);
    }

    @GetMapping
    ProposalPage list(@PathVariable UUID npcId, @RequestParam(required = false) @Nullable @Size(max = 10) String status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 200) String cursor, GaiaPrincipal caller) {
        return proposals.list(caller.gameId(), npcId, status == null ? null : statusOf(status), limit, cursor);
    }

    @GetMapping("/{proposalId}")
    ProposalResponse get(@PathVariable UUID npcId, @PathVariable UUID proposalId, GaiaPrincipal caller) {
        return proposals.get(caller.gameId(), npcId, proposalId);
    }

    @PostMapping("/{proposalId}/approve")
    ProposalResponse approve(@PathVariable UUID npcId, @PathVariable UUID proposalId,
            @Valid @RequestBody(required = false) @Nullable DecisionRequest decision, GaiaPrincipal caller) {
        return proposals.approve(caller.gameId(), npcId, proposalId, caller.userId(), noteOf(decision));
    }

    @PostMapping("/{proposalId}/reject")
    ProposalResponse reject(@PathVariable UUID npcId, @PathVariable UUID proposalId,
            @Valid @RequestBody(required = false) @Nullable DecisionRequest decision, GaiaPrincipal caller) {
        return proposals.reject(caller.gameId(), npcId, proposalId, caller.userId(), noteOf(decision));
    }

    private static @Nullable String noteOf(@Nullable DecisionRequest decision) {
        return decision == null || decision.note() == null || decision.note().isBlank() ? null
                : decision.note().strip();
    }

    private static ProposalStatus statusOf(String status) {
        try {
            return ProposalStatus.valueOf(status.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_status",
                    "The status must be pending, applied or rejected.");
        }
    }
}
