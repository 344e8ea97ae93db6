package dev.gaia.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Credentials of a user of a game. Only bounded here: a name or password that breaks the
 * registration rules simply does not match anyone.
 *
 * @param game the game's slug or id
 * @param username the user's name
 * @param password the user's password
 */
record LoginRequest(
        @NotBlank @Size(max = 40) String game,
        @NotBlank @Size(max = 64) String username,
        @NotNull @Size(max = 128) String password) {

    @Override
    public String toString() {
        return "LoginRequest[game=" + game + ", username=" + username + "]";
    }
}
