package dev.gaia.npc.lifestrand;

import java.util.Map;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks {@link RelationshipValue}. */
public final class RelationshipValueValidator implements ConstraintValidator<RelationshipValue, JsonNode> {

    static final int MAX_TEXT_LENGTH = 2_000;

    static final int MAX_MEMBERS = 20;

    static final int MAX_MEMBER_NAME_LENGTH = 100;

    @Override
    public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.isString()) {
            return isBoundedText(value);
        }
        return value.isObject() && value.size() <= MAX_MEMBERS
                && value.properties().stream().allMatch(RelationshipValueValidator::isBoundedMember);
    }

    private static boolean isBoundedMember(Map.Entry<String, JsonNode> member) {
        JsonNode value = member.getValue();
        return !member.getKey().isBlank() && member.getKey().length() <= MAX_MEMBER_NAME_LENGTH
                && (value.isNumber() || value.isBoolean() || value.isNull() || (value.isString() && isBoundedText(value)));
    }

    private static boolean isBoundedText(JsonNode text) {
        String value = text.stringValue();
        return !value.isBlank() && value.length() <= MAX_TEXT_LENGTH;
    }
}
