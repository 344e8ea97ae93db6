package dev.gaia.model.embedding;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** OpenAI's {@code POST /v1/embeddings}. */
@RestController
class EmbeddingsController {

    private final EmbeddingService embeddings;

    EmbeddingsController(EmbeddingService embeddings) {
        this.embeddings = embeddings;
    }

    @PostMapping("/v1/embeddings")
    EmbeddingsResponse create(@RequestBody CreateEmbeddingsRequest request) {
        return embeddings.embed(request);
    }
}
