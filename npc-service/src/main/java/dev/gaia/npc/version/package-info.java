/**
 * The history of every character's Life Strand: each version with who made it, when and why,
 * recorded from {@link dev.gaia.npc.lifestrand.NpcRevised} in the transaction of the change;
 * listing, reading, diffing two versions (RFC 6902 operations with the values before and after)
 * and rolling back to any version as a new one.
 */
@NullMarked
package dev.gaia.npc.version;

import org.jspecify.annotations.NullMarked;
