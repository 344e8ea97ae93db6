package dev.gaia.auth.user;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<User, UUID> {

    User saveAndFlush(User user);

    Optional<User> findByIdAndGameId(UUID id, UUID gameId);

    /** Usernames are unique per game regardless of case (see the {@code users_game_username_key} index). */
    @Query("select u from User u where u.gameId = :gameId and lower(u.username) = lower(:username)")
    Optional<User> findByGameIdAndUsername(UUID gameId, String username);
}
