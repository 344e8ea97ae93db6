package dev.gaia.model.catalog;

import dev.gaia.model.routing.ModelRouter;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** OpenAI's {@code GET /v1/models}: the models of the configured provider, as it lists them. */
@RestController
class ModelCatalogController {

    private final ModelRouter router;

    ModelCatalogController(ModelRouter router) {
        this.router = router;
    }

    @GetMapping("/v1/models")
    JsonNode models() {
        return router.provider().models();
    }
}
