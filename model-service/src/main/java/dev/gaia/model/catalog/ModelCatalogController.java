package dev.gaia.model.catalog;

import dev.gaia.model.embedding.EmbeddingModels;
import dev.gaia.model.provider.ProviderRegistry;
import dev.gaia.model.resilience.ProviderGuards;
import dev.gaia.model.routing.ModelRouter;
import dev.gaia.shared.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's {@code GET /v1/models}: the models of the configured provider, as it lists them,
 * and the embedding models with their {@code dimensions} (the in-process one is always there,
 * so the list is never empty, even with no provider configured). The provider is asked under its
 * guards (time limit, retries, circuit breaker); when it cannot answer, its models are left out
 * rather than the whole list refused.
 */
@RestController
class ModelCatalogController {

    private static final Logger log = LoggerFactory.getLogger(ModelCatalogController.class);

    private final ProviderRegistry providers;
    private final ProviderGuards guards;
    private final EmbeddingModels embeddingModels;

    ModelCatalogController(ProviderRegistry providers, ProviderGuards guards, EmbeddingModels embeddingModels) {
        this.providers = providers;
        this.guards = guards;
        this.embeddingModels = embeddingModels;
    }

    @GetMapping("/v1/models")
    JsonNode models() {
        ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        providers.openAi().ifPresent(provider -> {
            try {
                guards.answerWhole(provider.name(), "models", provider::models).path("data").forEach(data::add);
            }
            catch (ProblemException ex) {
                log.warn("Listing models without the {} provider's, which it could not list: {}", provider.name(),
                        ex.getMessage());
            }
        });
        for (EmbeddingModels.EmbeddingModelDescription model : embeddingModels.describe()) {
            ObjectNode entry = data.addObject().put("id", model.id()).put("object", "model").put("created", 0)
                    .put("owned_by", model.id().substring(0, model.id().indexOf('/')));
            if (model.dimensions() != null) {
                entry.put("dimensions", model.dimensions());
            }
            if (model.isDefault()) {
                entry.put("default_for", ModelRouter.EMBEDDING_ROLE);
            }
        }
        return list;
    }
}
