package dev.gaia.auth.game;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds the game a client names, by id or by slug, as registration and login let it. */
@Component
public class GameLookup {

    private final GameRepository games;

    GameLookup(GameRepository games) {
        this.games = games;
    }

    /**
     * The game {@code idOrSlug} names. An id is tried first; a slug that happens to look like
     * an id still finds its game.
     */
    @Transactional(readOnly = true)
    public Optional<Game> find(String idOrSlug) {
        return parseId(idOrSlug).flatMap(games::findById)
                .or(() -> games.findBySlug(idOrSlug));
    }

    private static Optional<UUID> parseId(String value) {
        if (value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
