package dev.gaia.chat.turn;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.gaia.chat.conversation.CompletedTurn;
import dev.gaia.chat.conversation.Conversation;
import dev.gaia.chat.conversation.ConversationService;
import dev.gaia.chat.conversation.Message;
import dev.gaia.chat.history.ConversationHistory;
import dev.gaia.chat.model.ChatCompletionRequest;
import dev.gaia.chat.model.ChatMessage;
import dev.gaia.chat.model.CompletionStream;
import dev.gaia.chat.model.ModelClient;
import dev.gaia.chat.model.Usage;
import dev.gaia.chat.npc.LifeStrand;
import dev.gaia.chat.npc.NpcDirectory;
import dev.gaia.chat.persona.PromptBuilder;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * One turn of a conversation (DESIGN §5): the Life Strand and the recent history, fetched side
 * by side; the prompt; the model's reply relayed token by token as it arrives; and once the
 * last token is out, the transcript, the cached history and {@code conversation.turn}. A
 * reply that breaks off is not recorded; a client that goes away cancels the model's reply.
 */
@Service
class TurnService {

    private static final Logger log = LoggerFactory.getLogger(TurnService.class);

    private final ConversationService conversations;
    private final ConversationHistory history;
    private final NpcDirectory npcs;
    private final PromptBuilder prompts;
    private final ModelClient models;
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    TurnService(ConversationService conversations, ConversationHistory history, NpcDirectory npcs,
            PromptBuilder prompts, ModelClient models) {
        this.conversations = conversations;
        this.history = history;
        this.npcs = npcs;
        this.prompts = prompts;
        this.models = models;
    }

    /**
     * Streams the NPC's reply to what the caller said into {@code reply}.
     *
     * @throws ProblemException before anything was streamed: the conversation is not the
     *         caller's (404) or has ended (409), the NPC is gone, or model-service refused
     */
    void reply(GaiaPrincipal caller, UUID sessionId, String content, ReplyStream reply) {
        Instant receivedAt = Instant.now();
        Conversation conversation = conversations.activeConversation(caller, sessionId);
        CompletableFuture<List<ChatMessage>> recent = CompletableFuture.supplyAsync(
                () -> history.recent(conversation.getGameId(), conversation.getId()), lookups);
        LifeStrand npc = npcs.lifeStrand(conversation.getNpcId(), caller);
        List<ChatMessage> prompt = prompts.build(npc, join(recent), content);
        LifeStrand.ModelSettings settings = npc.modelSettings();
        Double temperature = settings != null ? settings.temperature() : null;
        // An NPC's own model falls back to the game's chat models, so the NPC still answers when it fails.
        ChatCompletionRequest request = settings != null && settings.chatModel() != null
                ? ChatCompletionRequest.streaming(settings.chatModel(), prompt, temperature)
                        .fallingBackTo(ChatCompletionRequest.CHAT_ROLE)
                : ChatCompletionRequest.streaming(ChatCompletionRequest.CHAT_ROLE, prompt, temperature);
        try {
            relay(caller, conversation, content, receivedAt, request, reply);
        }
        catch (IOException ex) {
            log.debug("The client left conversation {} during a reply; the reply was cancelled", sessionId);
        }
        finally {
            reply.finish();
        }
    }

    private void relay(GaiaPrincipal caller, Conversation conversation, String content, Instant receivedAt,
            ChatCompletionRequest request, ReplyStream reply) throws IOException {
        try (CompletionStream completion = models.stream(request, conversation.getNpcId(), caller.bearerToken())) {
            reply.open();
            StringBuilder text = new StringBuilder();
            for (String token = completion.nextToken(); token != null; token = completion.nextToken()) {
                reply.token(token);
                text.append(token);
            }
            UUID turnId = UUID.randomUUID();
            Usage usage = completion.usage().orElse(new Usage(null, null));
            List<Message> stored = conversations.recordTurn(conversation, new CompletedTurn(turnId, content,
                    receivedAt, text.toString(), usage.promptTokens(), usage.completionTokens()));
            history.append(conversation.getGameId(), conversation.getId(), stored);
            reply.done(turnId, text.toString());
        }
        catch (ProblemException ex) {
            log.info("A reply in conversation {} failed: {}", conversation.getId(), ex.getMessage());
            reply.fail(ex);
        }
        catch (DataAccessException ex) {
            log.error("The turn of conversation {} could not be recorded", conversation.getId(), ex);
            reply.fail(ProblemException.unavailable("transcript_unavailable",
                    "The reply could not be recorded, so it does not count as said; send the message again."));
        }
        catch (RuntimeException ex) {
            // Once the reply has begun, nothing but the stream itself can tell the client.
            log.error("A reply in conversation {} failed unexpectedly", conversation.getId(), ex);
            reply.fail(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "An unexpected error occurred. Quote the trace id when you report it."));
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }
}
