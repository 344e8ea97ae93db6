package dev.gaia.npc.proposal;

/** Where a change proposal stands. */
enum ProposalStatus {
    /** Waiting for a designer to approve or reject it. */
    PENDING,
    /** Applied to the character, at once or when a designer approved it. */
    APPLIED,
    /** Rejected by a designer; it changed nothing. */
    REJECTED
}
