package dev.gaia.model.embedding;

import dev.gaia.model.usage.CallContext;
import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** OpenAI's {@code POST /v1/embeddings}. */
@RestController
class EmbeddingsController {

    private final EmbeddingService embeddings;

    EmbeddingsController(EmbeddingService embeddings) {
        this.embeddings = embeddings;
    }

    @PostMapping("/v1/embeddings")
    EmbeddingsResponse create(@Valid @RequestBody CreateEmbeddingsRequest request,
            @RequestHeader(name = CallContext.NPC_HEADER, required = false) @Nullable String npcId,
            GaiaPrincipal caller) {
        return embeddings.embed(caller, CallContext.npcIdFromHeader(npcId), request);
    }
}
