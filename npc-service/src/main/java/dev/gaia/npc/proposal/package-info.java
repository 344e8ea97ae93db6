/**
 * Change proposals, the door through which conversations change a character: a proposed mood,
 * feeling, personality drift, relationship changes and learned knowledge with a confidence and
 * its evidence, applied at once at or above the game's auto-approval threshold or waiting for a
 * designer's approval; and the per-game settings that govern them.
 */
@NullMarked
package dev.gaia.npc.proposal;

import org.jspecify.annotations.NullMarked;
