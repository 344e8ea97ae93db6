/**
 * What every model call costs and who made it: each chat completion (and any other model call
 * that goes through {@link dev.gaia.model.usage.UsageRecorder}) leaves one {@code model_call} row
 * with game, user, NPC, role, provider, model, tokens, latency, time to first token, a cost
 * estimate from the configured price table and its outcome. Designers read the totals through
 * {@code GET /api/models/usage}; admins set a monthly budget per game through
 * {@code PUT /api/models/budget}, and once the game's spend this month reaches it, priced calls
 * are refused with {@code 402 model_budget_exceeded} before any provider is called.
 */
@NullMarked
package dev.gaia.model.usage;

import org.jspecify.annotations.NullMarked;
