/**
 * Cross-cutting wiring of auth-service: its configuration properties and password hashing.
 */
@NullMarked
package dev.gaia.auth.config;

import org.jspecify.annotations.NullMarked;
