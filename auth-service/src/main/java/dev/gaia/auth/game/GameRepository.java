package dev.gaia.auth.game;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface GameRepository extends Repository<Game, UUID> {

    Game saveAndFlush(Game game);

    Optional<Game> findById(UUID id);

    Optional<Game> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
