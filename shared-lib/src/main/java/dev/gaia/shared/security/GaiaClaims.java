package dev.gaia.shared.security;

/** Names of the claims in a Gaia access token beyond the registered ones. */
public final class GaiaClaims {

    /** The issuer auth-service writes into every access token. */
    public static final String ISSUER = "gaia-auth";
    public static final String GAME_ID = "game_id";
    public static final String ROLES = "roles";
    public static final String NAME = "name";

    private GaiaClaims() {
    }
}
