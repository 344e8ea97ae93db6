package dev.gaia.chat.conversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.gaia.chat.npc.NpcDirectory;
import dev.gaia.shared.events.OutboxWriter;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Conversations and their transcripts: who may see them, how they start and end, and how a
 * finished turn is recorded. Every change publishes its event through the outbox, in the same
 * transaction.
 */
@Service
public class ConversationService {

    private static final String AGGREGATE = "conversation";
    private static final int EVENT_VERSION = 1;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final NpcDirectory npcs;
    private final OutboxWriter outbox;
    private final TransactionOperations transactions;

    ConversationService(ConversationRepository conversations, MessageRepository messages, NpcDirectory npcs,
            OutboxWriter outbox, TransactionOperations transactions) {
        this.conversations = conversations;
        this.messages = messages;
        this.npcs = npcs;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * Starts a conversation with an NPC of the caller's game.
     *
     * @throws ProblemException 403 when a player names another user, 404 {@code npc_not_found}
     *         when the game has no such NPC
     */
    StartConversationResponse start(GaiaPrincipal caller, StartConversationRequest request) {
        UUID userId = request.userId() != null ? request.userId() : caller.userId();
        if (!userId.equals(caller.userId()) && !caller.isDesignerOrAdmin()) {
            throw ProblemException.forbidden("conversation_for_another_user",
                    "A player can only start conversations for themself.");
        }
        // Outside the transaction: no database connection waits on npc-service.
        npcs.lifeStrand(request.npcId(), caller);
        Conversation conversation = transactions.execute(status -> {
            Conversation started = conversations.save(
                    new Conversation(caller.gameId(), request.npcId(), userId, now()));
            outbox.write(started.getGameId(), AGGREGATE, "started", EVENT_VERSION, new ConversationStarted(
                    started.getId(), started.getNpcId(), started.getUserId(), started.getStartedAt()));
            return started;
        });
        return StartConversationResponse.of(conversation);
    }

    /**
     * A conversation the caller may add a turn to.
     *
     * @throws ProblemException 404 {@code conversation_not_found} when the caller may not see it,
     *         409 {@code conversation_ended} when it has ended
     */
    @Transactional(readOnly = true)
    public Conversation activeConversation(GaiaPrincipal caller, UUID sessionId) {
        Conversation conversation = accessible(caller, sessionId, conversations::findByIdAndGameId);
        if (conversation.isEnded()) {
            throw Conversation.ended(sessionId);
        }
        return conversation;
    }

    /**
     * Records a finished turn, the player's message and the NPC's reply, and publishes
     * {@code conversation.turn}.
     *
     * @return the two stored messages, the player's first
     * @throws ProblemException 409 {@code conversation_ended} when the conversation ended while
     *         the reply was streaming
     */
    @Transactional
    public List<Message> recordTurn(Conversation conversation, CompletedTurn turn) {
        Conversation current = conversations.lockByIdAndGameId(conversation.getId(), conversation.getGameId())
                .orElseThrow(() -> notFound(conversation.getId()));
        if (current.isEnded()) {
            throw Conversation.ended(current.getId());
        }
        int seq = messages.lastSeq(current.getGameId(), current.getId());
        Instant completedAt = now();
        Message said = messages.save(new Message(current, turn.turnId(), MessageRole.USER, turn.userMessage(),
                turn.receivedAt().truncatedTo(ChronoUnit.MICROS), seq + 1));
        Message reply = messages.save(new Message(current, turn.turnId(), MessageRole.ASSISTANT, turn.reply(),
                completedAt, seq + 2));
        outbox.write(current.getGameId(), AGGREGATE, "turn", EVENT_VERSION, new ConversationTurnCompleted(
                current.getId(), current.getNpcId(), current.getUserId(), turn.turnId(), turn.userMessage(),
                turn.reply(), turn.promptTokens(), turn.completionTokens(), completedAt));
        return List.of(said, reply);
    }

    /**
     * Ends a conversation and publishes {@code conversation.ended}.
     *
     * @throws ProblemException 404 when the caller may not see it, 409 when it has already ended
     */
    @Transactional
    EndConversationResponse end(GaiaPrincipal caller, UUID sessionId) {
        Conversation conversation = accessible(caller, sessionId, conversations::lockByIdAndGameId);
        Instant endedAt = now();
        conversation.end(endedAt);
        long turns = messages.countByGameIdAndConversationIdAndRole(conversation.getGameId(), conversation.getId(),
                MessageRole.ASSISTANT);
        outbox.write(conversation.getGameId(), AGGREGATE, "ended", EVENT_VERSION, new ConversationEnded(
                conversation.getId(), conversation.getNpcId(), conversation.getUserId(), conversation.getStartedAt(),
                endedAt, turns));
        return new EndConversationResponse(conversation.getId(), endedAt, turns);
    }

    /** The conversation and its whole transcript. */
    @Transactional(readOnly = true)
    ConversationTranscript transcript(GaiaPrincipal caller, UUID sessionId) {
        Conversation conversation = accessible(caller, sessionId, conversations::findByIdAndGameId);
        return ConversationTranscript.of(conversation,
                messages.findByGameIdAndConversationIdOrderBySeq(conversation.getGameId(), conversation.getId()));
    }

    /**
     * Another game's conversation, and another player's, are answered as if they did not exist:
     * a session id reveals nothing to those who may not see it.
     */
    private static Conversation accessible(GaiaPrincipal caller, UUID sessionId,
            BiFunction<UUID, UUID, Optional<Conversation>> finder) {
        return finder.apply(sessionId, caller.gameId())
                .filter(conversation -> conversation.isAccessibleTo(caller))
                .orElseThrow(() -> notFound(sessionId));
    }

    private static ProblemException notFound(UUID sessionId) {
        return ProblemException.notFound("conversation_not_found", "There is no conversation " + sessionId + ".");
    }

    /** Now, as precisely as PostgreSQL keeps it, so that what is answered is what is stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
