/**
 * WebSocket relaying: upgrades on {@code /ws} and {@code /rpc} handed to chat-service whole,
 * from the player's first frame on.
 */
@NullMarked
package dev.gaia.gateway.websocket;

import org.jspecify.annotations.NullMarked;
