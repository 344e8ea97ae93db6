package dev.gaia.npc.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.npc.lifestrand.NpcView;
import dev.gaia.shared.security.GaiaPrincipal;

import org.springframework.stereotype.Service;

/**
 * Ranks the caller's game's characters by how close their descriptions are to a query. Before
 * ranking, it embeds what is stale in the game (changes made while model-service was away,
 * characters from before search, vectors of another model), a batch at a time.
 */
@Service
class NpcSearchService {

    private final EmbeddingIndex index;
    private final Embeddings embeddings;
    private final NpcService npcs;
    private final SearchProperties properties;

    NpcSearchService(EmbeddingIndex index, Embeddings embeddings, NpcService npcs, SearchProperties properties) {
        this.index = index;
        this.embeddings = embeddings;
        this.npcs = npcs;
        this.properties = properties;
    }

    /**
     * @throws dev.gaia.shared.problem.ProblemException 503 {@code embedding_unavailable} when
     *         model-service cannot embed the query
     */
    SearchResults search(String query, int limit, GaiaPrincipal caller) {
        Embeddings.Embedded embedded = embeddings.embed(List.of(query.strip()), caller.bearerToken());
        refresh(caller, embedded.model());
        List<EmbeddingIndex.Hit> hits = index.nearest(caller.gameId(), embedded.model(),
                embedded.vectors().getFirst(), limit, !caller.isDesignerOrAdmin());
        return new SearchResults(hits.stream()
                .map(hit -> new SearchHit(hit.npcId(), hit.name(), hit.score()))
                .toList());
    }

    /** Embeds a batch of the game's stale rows with the caller's token. */
    private void refresh(GaiaPrincipal caller, String model) {
        List<EmbeddingIndex.StaleRow> stale = index.stale(caller.gameId(), model, properties.refreshBatch());
        if (stale.isEmpty()) {
            return;
        }
        List<EmbeddingIndex.StaleRow> rows = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (EmbeddingIndex.StaleRow row : stale) {
            if (row.document() != null) {
                rows.add(row);
                documents.add(row.document());
                continue;
            }
            NpcView npc = npcs.find(caller.gameId(), row.npcId()).orElse(null);
            if (npc == null) {
                index.remove(caller.gameId(), row.npcId());
                continue;
            }
            String document = NpcDocument.of(npc.lifeStrand());
            index.queue(caller.gameId(), npc.npcId(), npc.version(), npc.lifeStrand().name(), document);
            rows.add(new EmbeddingIndex.StaleRow(npc.npcId(), npc.version(), document));
            documents.add(document);
        }
        if (documents.isEmpty()) {
            return;
        }
        Embeddings.Embedded embedded = embeddings.embed(documents, caller.bearerToken());
        for (int i = 0; i < rows.size(); i++) {
            EmbeddingIndex.StaleRow row = rows.get(i);
            index.store(caller.gameId(), row.npcId(), row.version(), documents.get(i), embedded.model(),
                    embedded.vectors().get(i));
        }
    }
}
