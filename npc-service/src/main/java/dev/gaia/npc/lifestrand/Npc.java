package dev.gaia.npc.lifestrand;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

/** A character of one game, with its Life Strand. Its name is always the Life Strand's name. */
@Entity
@Table(name = "npc")
class Npc {

    @Id
    private UUID id;

    @Column(name = "game_id", nullable = false, updatable = false)
    private UUID gameId;

    @Column(nullable = false, length = 100)
    private String name;

    @Convert(converter = LifeStrandJsonConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "life_strand", nullable = false, columnDefinition = "jsonb")
    private LifeStrand lifeStrand;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    /** For JPA only. */
    protected Npc() {
    }

    /** A new character of {@code gameId}, created now by {@code createdBy}. */
    Npc(UUID gameId, UUID createdBy, LifeStrand lifeStrand) {
        // PostgreSQL keeps microseconds: what a page cursor holds must equal what the row holds.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.id = UUID.randomUUID();
        this.gameId = gameId;
        this.name = lifeStrand.name();
        this.lifeStrand = lifeStrand;
        this.createdAt = now;
        this.updatedAt = now;
        this.createdBy = createdBy;
    }

    UUID id() {
        return id;
    }

    UUID gameId() {
        return gameId;
    }

    String name() {
        return name;
    }

    LifeStrand lifeStrand() {
        return lifeStrand;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    UUID createdBy() {
        return createdBy;
    }
}
