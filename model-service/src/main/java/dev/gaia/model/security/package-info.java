/**
 * Request authentication on model-service's hot path. Every model call carries the caller's
 * access token, and verifying its RSA signature was the largest single share of model-service's
 * CPU per streamed call (bench/results/model.md). A token that was verified once is therefore
 * kept, with its claims, until it expires (at most five minutes): the same token's next calls
 * skip the signature check, and an expired token is verified again, so it is refused as before.
 */
@NullMarked
package dev.gaia.model.security;

import org.jspecify.annotations.NullMarked;
