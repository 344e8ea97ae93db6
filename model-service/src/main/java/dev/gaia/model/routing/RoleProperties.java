package dev.gaia.model.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The models that answer each role, in the order they are tried, bound from
 * {@code gaia.model.roles.<role>}: {@code gaia.model.roles.chat: [openai/gpt-4o-mini, ollama/llama3.2]}.
 * An environment variable holds a list separated by commas ({@code GAIA_SUMMARY_MODEL=openai/gpt-4o-mini,ollama/llama3.2}).
 * Blank entries (an unset environment variable) are left out, and so is a model named twice.
 * Embeddings have one model and no chain ({@code gaia.model.embedding.model}): a fallback would
 * mix vectors of two models, so {@code gaia.model.roles.embedding} is refused at start-up.
 *
 * @param roles each role's models by the role's name ({@code chat}, {@code summary}, {@code scoring})
 */
@ConfigurationProperties("gaia.model")
public record RoleProperties(@DefaultValue Map<String, List<String>> roles) {

    public RoleProperties {
        if (roles.keySet().stream().anyMatch(role -> role.strip().equalsIgnoreCase(ModelRouter.EMBEDDING_ROLE))) {
            throw new IllegalArgumentException("gaia.model.roles.embedding is not a setting: the embedding model is"
                    + " gaia.model.embedding.model (GAIA_EMBEDDING_MODEL), one model without fallbacks, since vectors"
                    + " of two models cannot be compared");
        }
        Map<String, List<String>> cleaned = new LinkedHashMap<>();
        roles.forEach((role, models) -> {
            List<String> kept = new ArrayList<>();
            for (String model : models) {
                if (model != null && !model.isBlank() && !kept.contains(model.strip())) {
                    kept.add(model.strip());
                }
            }
            cleaned.put(role.strip().toLowerCase(Locale.ROOT), List.copyOf(kept));
        });
        roles = Map.copyOf(cleaned);
    }

    /** The models configured for a role, in order; none when the role has none. */
    public List<String> models(String role) {
        return roles.getOrDefault(role, List.of());
    }
}
