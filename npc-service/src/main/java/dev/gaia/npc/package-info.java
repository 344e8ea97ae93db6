/**
 * npc-service: the characters of each game and their Life Strands — who they are, how they
 * feel, whom they know, what they know and remember — readable by everyone in the game,
 * written by its designers.
 */
@NullMarked
package dev.gaia.npc;

import org.jspecify.annotations.NullMarked;
