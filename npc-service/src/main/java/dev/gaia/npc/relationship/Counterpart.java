package dev.gaia.npc.relationship;

import java.util.UUID;

/**
 * The other end of a relationship, seen from one character.
 *
 * @param type a character or a player
 * @param id the character's or player's id
 */
record Counterpart(TargetType type, UUID id) {
}
