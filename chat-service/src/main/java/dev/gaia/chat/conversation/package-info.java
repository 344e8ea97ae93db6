/**
 * Conversations between a player and an NPC: starting and ending them, the transcript of
 * record in PostgreSQL, who may see them, and the {@code conversation.*} events.
 */
@NullMarked
package dev.gaia.chat.conversation;

import org.jspecify.annotations.NullMarked;
