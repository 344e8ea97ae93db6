/**
 * Who is calling: verification of the access tokens auth-service signs (JWKS, issuer and
 * claim checks), the {@link dev.gaia.shared.security.GaiaPrincipal} a controller receives, and
 * 401/403 answers as problem details.
 */
package dev.gaia.shared.security;
