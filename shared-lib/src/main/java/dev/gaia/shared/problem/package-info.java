/**
 * RFC 9457 problem details: the exception services throw for errors a client should see, and
 * the advice that turns it, and every Spring MVC error, into {@code application/problem+json}
 * with a stable {@code type} and {@code code} and the request's trace id.
 */
package dev.gaia.shared.problem;
