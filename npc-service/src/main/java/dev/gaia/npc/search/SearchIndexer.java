package dev.gaia.npc.search;

import java.util.List;
import java.util.concurrent.Executor;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.NpcChanged;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the characters. In the transaction of a change, the character's
 * row is queued as stale with its new description (or removed with the character), so the
 * index never ranks an outdated version; after the commit, the new description is embedded in
 * the background with the token of the caller who made the change. When model-service cannot
 * be reached the change stands and the row stays stale until a search in its game embeds it.
 */
@Component
class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final EmbeddingIndex index;
    private final Embeddings embeddings;
    private final Executor executor;

    SearchIndexer(EmbeddingIndex index, Embeddings embeddings,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.index = index;
        this.embeddings = embeddings;
        this.executor = executor;
    }

    @EventListener
    void queue(NpcChanged change) {
        LifeStrand strand = change.lifeStrand();
        if (strand == null) {
            index.remove(change.gameId(), change.npcId());
        }
        else {
            index.queue(change.gameId(), change.npcId(), change.version(), strand.name(), NpcDocument.of(strand));
        }
    }

    @TransactionalEventListener
    void embedCommitted(NpcChanged change) {
        LifeStrand strand = change.lifeStrand();
        String token = callerToken();
        if (strand == null || token == null) {
            return;
        }
        String document = NpcDocument.of(strand);
        executor.execute(() -> {
            try {
                Embeddings.Embedded embedded = embeddings.embed(List.of(document), token);
                index.store(change.gameId(), change.npcId(), change.version(), document, embedded.model(),
                        embedded.vectors().getFirst());
            }
            catch (ProblemException ex) {
                log.info("NPC {} stays stale in the search index until the next search: {}", change.npcId(),
                        ex.getMessage());
            }
        });
    }

    private static @Nullable String callerToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                ? token.getToken().getTokenValue() : null;
    }
}
