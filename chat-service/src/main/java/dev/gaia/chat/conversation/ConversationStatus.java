package dev.gaia.chat.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** Where a conversation stands. */
public enum ConversationStatus {

    /** The player and the NPC are talking. */
    ACTIVE("active"),
    /** Ended: no more messages. */
    ENDED("ended");

    @EnumeratedValue
    private final String value;

    ConversationStatus(String value) {
        this.value = value;
    }

    /** The status as the API and the database spell it. */
    @JsonValue
    public String value() {
        return value;
    }
}
