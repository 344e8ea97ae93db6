package dev.gaia.chat.conversation;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * @param npcId the NPC to talk to, of the caller's game
 * @param userId the player who talks; the caller when absent. Only designers and admins may
 *        name another user of their game.
 */
record StartConversationRequest(@NotNull UUID npcId, @Nullable UUID userId) {
}
