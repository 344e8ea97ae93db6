package dev.gaia.npc.proposal;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Change proposals of every game; every lookup names the game and the character. */
interface ChangeProposalRepository extends Repository<ChangeProposal, UUID> {

    ChangeProposal save(ChangeProposal proposal);

    Optional<ChangeProposal> findByIdAndGameIdAndNpcId(UUID id, UUID gameId, UUID npcId);

    /** The proposal, locked until the transaction ends, so that two decisions never both pass. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ChangeProposal p where p.id = :id and p.gameId = :gameId and p.npcId = :npcId")
    Optional<ChangeProposal> lock(@Param("id") UUID id, @Param("gameId") UUID gameId, @Param("npcId") UUID npcId);

    Window<ChangeProposal> findByGameIdAndNpcIdOrderByCreatedAtDescIdDesc(UUID gameId, UUID npcId,
            ScrollPosition position, Limit limit);

    Window<ChangeProposal> findByGameIdAndNpcIdAndStatusOrderByCreatedAtDescIdDesc(UUID gameId, UUID npcId,
            ProposalStatus status, ScrollPosition position, Limit limit);
}
