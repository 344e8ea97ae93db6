package dev.gaia.chat.model;

/**
 * One message of a chat prompt, in OpenAI's wire format.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text of the message
 */
public record ChatMessage(String role, String content) {

    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public static ChatMessage system(String content) {
        return new ChatMessage(SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(ASSISTANT, content);
    }
}
