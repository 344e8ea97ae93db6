package dev.gaia.model.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The models a request may be answered by, in the order they are tried: the models of the role
 * it named, or the one model it named.
 *
 * @param role the role the request named, or none when it named a model
 * @param models the models to try, each as a request would name it ({@code anthropic/claude-3-5-haiku-latest});
 *        more than one only for a role
 */
public record RoutePlan(@Nullable String role, List<String> models) {

    public RoutePlan {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("A route plan needs at least one model");
        }
    }
}
