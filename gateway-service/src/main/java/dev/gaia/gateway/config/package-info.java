/**
 * Cross-cutting wiring of the gateway: its configuration properties and CORS.
 */
@NullMarked
package dev.gaia.gateway.config;

import org.jspecify.annotations.NullMarked;
