package dev.gaia.model.routing;

import dev.gaia.model.provider.ChatProvider;

/**
 * Where a request goes: a provider and the name of the model there.
 *
 * @param provider the provider that answers
 * @param model the model's name as the provider knows it
 */
public record Route(ChatProvider provider, String model) {
}
