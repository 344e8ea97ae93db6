package dev.gaia.auth.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A player joining a game.
 *
 * @param game the game's slug or id
 * @param username the player's name in that game
 * @param password the player's password
 */
record RegisterRequest(
        @NotBlank @Size(max = 40) String game,
        @ValidUsername String username,
        @ValidPassword String password) {

    @Override
    public String toString() {
        return "RegisterRequest[game=" + game + ", username=" + username + "]";
    }
}
