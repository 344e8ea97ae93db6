/**
 * Access tokens: the RS256 signing keys (kept in the database so a restart or a second
 * instance signs with the same key), issuing tokens, publishing the public keys as a JWKS,
 * and verifying this service's own tokens without calling itself.
 */
@NullMarked
package dev.gaia.auth.token;

import org.jspecify.annotations.NullMarked;
