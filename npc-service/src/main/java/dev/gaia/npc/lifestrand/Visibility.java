package dev.gaia.npc.lifestrand;

import jakarta.validation.constraints.NotNull;

/**
 * Whether the players of a game see a character ({@code PUT /api/npcs/{id}/visibility}).
 *
 * @param visibleToPlayers {@code false} hides it from players: it is absent from their lists and
 *        a 404 to them; designers and admins always see it
 */
record Visibility(@NotNull Boolean visibleToPlayers) {
}
