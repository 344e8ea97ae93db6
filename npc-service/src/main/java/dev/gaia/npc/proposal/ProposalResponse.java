package dev.gaia.npc.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A change proposal and what became of it.
 *
 * @param proposalId the proposal
 * @param npcId the character it would change
 * @param status waiting, applied or rejected
 * @param confidence how sure the proposer was
 * @param evidence what it is based on
 * @param changes what it would change
 * @param outcome what applying it did; only once applied
 * @param createdAt when it was made
 * @param createdBy who made it
 * @param decidedAt when it was applied or rejected
 * @param decidedBy the designer who decided; absent when it applied at once
 * @param decisionNote why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProposalResponse(UUID proposalId, UUID npcId, ProposalStatus status, double confidence,
        List<ProposalRequest.Evidence> evidence, ProposalRequest.Changes changes, @Nullable ProposalOutcome outcome,
        Instant createdAt, @Nullable UUID createdBy, @Nullable Instant decidedAt, @Nullable UUID decidedBy,
        @Nullable String decisionNote) {
}
