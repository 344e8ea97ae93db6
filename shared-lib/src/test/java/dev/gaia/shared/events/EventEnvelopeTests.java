package dev.gaia.shared.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventEnvelopeTests {

    record ConversationEnded(UUID sessionId) {
    }

    @Test
    void namesSubjectAndTypeAfterGameAggregateEventAndVersion() {
        UUID gameId = UUID.randomUUID();

        var envelope = EventEnvelope.of(gameId, "conversation", "ended", 1, "chat-service",
                new ConversationEnded(UUID.randomUUID()));

        assertThat(envelope.subject()).isEqualTo("gaia." + gameId + ".conversation.ended.v1");
        assertThat(envelope.type()).isEqualTo("dev.gaia.conversation.ended.v1");
        assertThat(envelope.source()).isEqualTo("/chat-service");
        assertThat(envelope.specversion()).isEqualTo("1.0");
        assertThat(envelope.gameId()).isEqualTo(gameId);
        assertThat(EventSubjects.inEveryGame("conversation", "ended", 1)).isEqualTo("gaia.*.conversation.ended.v1");
    }
}
