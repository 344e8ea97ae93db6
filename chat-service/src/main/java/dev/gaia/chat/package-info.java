/**
 * chat-service: conversations between players and NPCs. A turn builds its prompt from the
 * NPC's Life Strand and the recent history, streams the model's reply token by token, and
 * keeps the transcript in PostgreSQL with recent history cached in Redis.
 */
@NullMarked
package dev.gaia.chat;

import org.jspecify.annotations.NullMarked;
