/**
 * Characters and their Life Strands: create, read and list them within the caller's game,
 * stored as validated JSON, with {@code npc.created} published through the outbox.
 */
@NullMarked
package dev.gaia.npc.lifestrand;

import org.jspecify.annotations.NullMarked;
