package dev.gaia.npc.lifestrand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A character of one game, with its Life Strand. Its name is always the Life Strand's name;
 * its version grows by one with every change, and an update whose version is stale fails.
 */
@Entity
@Table(name = "npc")
class Npc implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "game_id", nullable = false, updatable = false)
    private UUID gameId;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(nullable = false, length = 100)
    private String name;

    @Convert(converter = LifeStrandJsonConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "life_strand", nullable = false, columnDefinition = "jsonb")
    private LifeStrand lifeStrand;

    @Column(name = "visible_to_players", nullable = false)
    private boolean visibleToPlayers;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "created_by", updatable = false)
    private @Nullable UUID createdBy;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    // Its id and version are set before it is stored, so neither tells whether it is stored.
    @Transient
    private boolean stored = true;

    /** For JPA only. */
    protected Npc() {
    }

    /** A new character of {@code gameId}, created now by {@code createdBy} (null: the platform). */
    Npc(UUID gameId, @Nullable UUID createdBy, LifeStrand lifeStrand, boolean visibleToPlayers) {
        Instant now = now();
        this.id = UUID.randomUUID();
        this.gameId = gameId;
        this.version = 1;
        this.name = lifeStrand.name();
        this.lifeStrand = lifeStrand;
        this.visibleToPlayers = visibleToPlayers;
        this.createdAt = now;
        this.updatedAt = now;
        this.createdBy = createdBy;
        this.stored = false;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        this.stored = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    /** Replaces the Life Strand; the version grows when the change is flushed. */
    void revise(LifeStrand revised) {
        this.name = revised.name();
        this.lifeStrand = revised;
        this.updatedAt = now();
    }

    void delete() {
        Instant now = now();
        this.deletedAt = now;
        this.updatedAt = now;
    }

    // PostgreSQL keeps microseconds: what a page cursor holds must equal what the row holds.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    NpcView view() {
        return new NpcView(id, gameId, version, lifeStrand, createdAt, updatedAt);
    }

    UUID id() {
        return id;
    }

    UUID gameId() {
        return gameId;
    }

    long version() {
        return version;
    }

    String name() {
        return name;
    }

    LifeStrand lifeStrand() {
        return lifeStrand;
    }

    boolean visibleToPlayers() {
        return visibleToPlayers;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
