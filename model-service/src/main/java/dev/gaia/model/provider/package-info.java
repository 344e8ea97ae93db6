/**
 * The model providers model-service relays to, and what their failures mean to a caller:
 * 401/403 → 502 {@code model_provider_auth_failed}, 429 → 429 {@code model_provider_rate_limited}
 * with {@code Retry-After}, 5xx → 502 {@code model_provider_error}, unreachable → 503
 * {@code model_provider_unavailable}, too slow → 504 {@code model_provider_timeout}.
 */
@NullMarked
package dev.gaia.model.provider;

import org.jspecify.annotations.NullMarked;
