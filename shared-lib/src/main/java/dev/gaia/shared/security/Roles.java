package dev.gaia.shared.security;

import java.util.Set;

/** The roles a user can hold in a game (DESIGN §3). */
public final class Roles {

    public static final String PLAYER = "player";
    public static final String DESIGNER = "designer";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(PLAYER, DESIGNER, ADMIN);

    private Roles() {
    }
}
