/**
 * gateway-service: Gaia's only public door. Routes each API path to its service (routes are
 * configuration, in {@code application.yml}), verifies access tokens, passes streams through
 * unbuffered, and answers its own errors as problem details.
 */
@NullMarked
package dev.gaia.gateway;

import org.jspecify.annotations.NullMarked;
