/**
 * Character Cards: SillyTavern's Character Card V2 and V3, as JSON, as PNG ({@code chara} and
 * {@code ccv3} text chunks) and as {@code .charx} archives, imported into Life Strands and
 * exported from them. What a Life Strand has no field for is kept in its extensions, so a card
 * comes back out field for field; hostile files are refused by size, structure and checksum
 * before anything is stored.
 */
@NullMarked
package dev.gaia.npc.card;

import org.jspecify.annotations.NullMarked;
