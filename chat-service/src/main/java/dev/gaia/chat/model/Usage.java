package dev.gaia.chat.model;

import org.jspecify.annotations.Nullable;

/**
 * The tokens a completion cost, as the model reported them.
 *
 * @param promptTokens tokens of the prompt
 * @param completionTokens tokens of the reply
 */
public record Usage(@Nullable Integer promptTokens, @Nullable Integer completionTokens) {
}
