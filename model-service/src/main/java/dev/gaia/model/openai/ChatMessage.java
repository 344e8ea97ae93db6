package dev.gaia.model.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message of a chat completion request. Its other fields ({@code tool_calls},
 * {@code tool_call_id}, ...) are kept in {@code extensions} and forwarded unchanged.
 *
 * @param role who speaks: {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, or a list of content parts; absent on an assistant message that only calls tools
 * @param name an optional name of the speaker
 * @param extensions the message's other fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(
        @NotNull @Pattern(regexp = "system|developer|user|assistant|tool",
                message = "must be one of system, developer, user, assistant, tool") String role,
        @Nullable @MessageContent JsonNode content,
        @Nullable @Size(max = 256) String name,
        @JsonAnySetter @JsonAnyGetter @Size(max = 16) Map<String, JsonNode> extensions) {

    public ChatMessage {
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** Whether the message instructs the model ({@code system} or {@code developer}) rather than converses. */
    public boolean instructs() {
        return role.equals("system") || role.equals("developer");
    }

    /** The message's text: the content string, or its text parts joined; empty without content. */
    public String text() {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").stringValue("").equals("text")) {
                text.append(part.path("text").stringValue(""));
            }
        }
        return text.toString();
    }
}
