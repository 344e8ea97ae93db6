package dev.gaia.shared.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event as it travels on NATS, with CloudEvents attribute names.
 *
 * @param id unique per event; also the {@code Nats-Msg-Id} for publish-side deduplication
 * @param specversion the CloudEvents version, always {@code 1.0}
 * @param type e.g. {@code dev.gaia.conversation.ended.v1}
 * @param source the publishing service, e.g. {@code /chat-service}
 * @param time when the fact happened
 * @param subject the NATS subject, {@code gaia.<game_id>.<aggregate>.<event>.v<N>}
 * @param gameId the game the fact belongs to
 * @param data the fact itself, a past-tense record
 * @param <T> the type of the fact
 */
public record EventEnvelope<T>(
        UUID id,
        String specversion,
        String type,
        String source,
        Instant time,
        String subject,
        @JsonProperty("game_id") UUID gameId,
        T data) {

    public static final String SPEC_VERSION = "1.0";

    /** A new event about {@code aggregate}, e.g. {@code ("conversation", "ended", 1)}. */
    public static <T> EventEnvelope<T> of(UUID gameId, String aggregate, String event, int version,
            String source, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), SPEC_VERSION, EventSubjects.type(aggregate, event, version),
                "/" + source, Instant.now(), EventSubjects.subject(gameId, aggregate, event, version), gameId, data);
    }
}
