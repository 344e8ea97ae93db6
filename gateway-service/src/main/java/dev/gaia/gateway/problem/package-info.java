/**
 * The gateway's own errors as RFC 9457 problem details: writing a problem to a reactive
 * response, and turning routing failures (a service down or too slow, no route) into one.
 */
@NullMarked
package dev.gaia.gateway.problem;

import org.jspecify.annotations.NullMarked;
