package dev.gaia.auth.game;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gaia.auth.user.ValidPassword;
import dev.gaia.auth.user.ValidUsername;

/**
 * A new game and its first user, who administers and designs it.
 *
 * @param name the game's display name
 * @param slug the game's short, unique, URL-safe name
 * @param adminUsername the first user's name
 * @param adminPassword the first user's password
 */
record CreateGameRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "[a-z0-9-]{3,40}",
                message = "must be 3 to 40 lower-case letters, digits or '-'") String slug,
        @ValidUsername String adminUsername,
        @ValidPassword String adminPassword) {

    @Override
    public String toString() {
        return "CreateGameRequest[name=" + name + ", slug=" + slug + ", adminUsername=" + adminUsername + "]";
    }
}
