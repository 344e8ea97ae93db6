package dev.gaia.npc.proposal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/** Games' proposal settings. */
interface ProposalSettingsRepository extends Repository<ProposalSettings, UUID> {

    Optional<ProposalSettings> findById(UUID gameId);

    /** Stores the settings at once, so that a game's first settings written twice at the same time fail here. */
    ProposalSettings saveAndFlush(ProposalSettings settings);
}
