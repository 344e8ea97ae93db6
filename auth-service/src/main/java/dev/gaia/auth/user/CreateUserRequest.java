package dev.gaia.auth.user;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A user an admin adds to their game.
 *
 * @param username the new user's name
 * @param password the new user's password
 * @param roles the roles to grant, of {@code player}, {@code designer} and {@code admin}
 */
record CreateUserRequest(
        @ValidUsername String username,
        @ValidPassword String password,
        @NotEmpty Set<@NotNull @Pattern(regexp = "player|designer|admin",
                message = "must be one of player, designer, admin") String> roles) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", roles=" + roles + "]";
    }
}
