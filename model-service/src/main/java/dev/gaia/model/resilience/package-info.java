/**
 * What keeps one slow or failing model provider from taking model-service down with it: a
 * circuit breaker and a limit of concurrent calls per provider, bounded retries of transient
 * failures, and timeouts for the first token and between tokens of a streamed answer.
 */
@NullMarked
package dev.gaia.model.resilience;

import org.jspecify.annotations.NullMarked;
