/**
 * Whom a character knows: typed relationships to other characters of the game and to players,
 * with trust, affinity, familiarity and respect moved by recorded interactions; how well two
 * characters would get along; and a character's relationship statistics. A relationship with a
 * player is that player's data: only they and the game's designers and admins see it.
 */
@NullMarked
package dev.gaia.npc.relationship;

import org.jspecify.annotations.NullMarked;
