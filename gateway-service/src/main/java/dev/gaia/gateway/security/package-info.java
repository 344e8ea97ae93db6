/**
 * Who may pass the gateway: access tokens verified against auth-service's JWKS (fetched when
 * first needed and cached), the few public paths, and 401/403 answers as problem details.
 */
@NullMarked
package dev.gaia.gateway.security;

import org.jspecify.annotations.NullMarked;
