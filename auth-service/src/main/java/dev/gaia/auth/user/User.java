package dev.gaia.auth.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user of one game, with that game's roles and a hashed password. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID gameId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false)
    private String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] roles;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected User() {
    }

    User(UUID gameId, String username, String passwordHash, Collection<String> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user holds at least one role");
        }
        this.gameId = gameId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().sorted().distinct().toArray(String[]::new);
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getGameId() {
        return gameId;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** The user's roles, sorted by name. */
    public List<String> getRoles() {
        return List.of(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
