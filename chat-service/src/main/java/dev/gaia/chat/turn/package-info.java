/**
 * A turn of a conversation: the player's message in, the NPC's reply streamed out token by
 * token (newline-delimited JSON or Server-Sent Events), and the finished turn recorded.
 */
@NullMarked
package dev.gaia.chat.turn;

import org.jspecify.annotations.NullMarked;
