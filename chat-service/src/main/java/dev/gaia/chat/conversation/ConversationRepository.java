package dev.gaia.chat.conversation;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ConversationRepository extends Repository<Conversation, UUID> {

    Conversation save(Conversation conversation);

    Optional<Conversation> findByIdAndGameId(UUID id, UUID gameId);

    /** The conversation, locked until the transaction ends, so that turns and the end are stored one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Conversation c where c.id = :id and c.gameId = :gameId")
    Optional<Conversation> lockByIdAndGameId(UUID id, UUID gameId);
}
