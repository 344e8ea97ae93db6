/**
 * The NPC's persona in the prompt: how a Life Strand, the recent history and the player's
 * message become the messages a model completes.
 */
@NullMarked
package dev.gaia.chat.persona;

import org.jspecify.annotations.NullMarked;
