/**
 * Games, the tenants of Gaia: creating one together with its first administrator, and finding
 * one by its slug or id.
 */
@NullMarked
package dev.gaia.auth.game;

import org.jspecify.annotations.NullMarked;
