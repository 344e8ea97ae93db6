package dev.gaia.chat.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** Who said a message of a transcript. */
public enum MessageRole {

    /** The player. */
    USER("user"),
    /** The NPC. */
    ASSISTANT("assistant");

    @EnumeratedValue
    private final String value;

    MessageRole(String value) {
        this.value = value;
    }

    /** The role as the API, the database and OpenAI's wire format spell it. */
    @JsonValue
    public String value() {
        return value;
    }
}
