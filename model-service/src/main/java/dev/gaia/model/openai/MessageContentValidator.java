package dev.gaia.model.openai;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks {@link MessageContent}: the bound keeps one message from exhausting the service. */
public final class MessageContentValidator implements ConstraintValidator<MessageContent, JsonNode> {

    /** Enough for a context window of a few hundred thousand tokens. */
    static final int MAX_TEXT_LENGTH = 1_000_000;

    static final int MAX_PARTS = 256;

    @Override
    public boolean isValid(@Nullable JsonNode content, ConstraintValidatorContext context) {
        if (content == null || content.isNull()) {
            return true;
        }
        if (content.isString()) {
            return content.stringValue().length() <= MAX_TEXT_LENGTH;
        }
        if (content.isArray()) {
            return content.size() <= MAX_PARTS && content.valueStream().allMatch(JsonNode::isObject);
        }
        return false;
    }
}
