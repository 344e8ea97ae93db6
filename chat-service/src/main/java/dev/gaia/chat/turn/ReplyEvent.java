package dev.gaia.chat.turn;

import java.util.Map;
import java.util.UUID;

/** The objects a streamed reply consists of, one per NDJSON line or SSE event. */
sealed interface ReplyEvent {

    /** @param token the next piece of the NPC's reply */
    record Token(String token) implements ReplyEvent {
    }

    /**
     * The reply is complete and recorded.
     *
     * @param done always {@code true}
     * @param turnId the turn, as the transcript names it
     * @param content the whole reply
     */
    record Done(boolean done, UUID turnId, String content) implements ReplyEvent {

        Done(UUID turnId, String content) {
            this(true, turnId, content);
        }
    }

    /**
     * The reply broke off after it had begun; the turn is not recorded.
     *
     * @param error the problem details of what went wrong
     */
    record Error(Map<String, Object> error) implements ReplyEvent {
    }
}
