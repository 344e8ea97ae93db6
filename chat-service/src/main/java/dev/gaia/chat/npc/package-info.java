/**
 * The NPCs chat-service talks as: their Life Strands, read from npc-service with the caller's
 * token through a declarative HTTP client.
 */
@NullMarked
package dev.gaia.chat.npc;

import org.jspecify.annotations.NullMarked;
