/**
 * auth-service: games (tenants), their users and roles, password login, and the RS256 access
 * tokens every other service verifies against the JWKS published here.
 */
@NullMarked
package dev.gaia.auth;

import org.jspecify.annotations.NullMarked;
