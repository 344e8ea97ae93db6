package dev.gaia.npc.lifestrand;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks {@link BoundedJson}. */
public final class BoundedJsonValidator implements ConstraintValidator<BoundedJson, JsonNode> {

    static final int MAX_DEPTH = 10;

    static final int MAX_NODES = 2_000;

    static final int MAX_TEXT_LENGTH = 20_000;

    private record Level(JsonNode node, int depth) {
    }

    @Override
    public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(value, 1));
        int nodes = 0;
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (++nodes > MAX_NODES || level.depth() > MAX_DEPTH) {
                return false;
            }
            JsonNode node = level.node();
            if (node.isString() && node.stringValue().length() > MAX_TEXT_LENGTH) {
                return false;
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    if (member.getKey().length() > MAX_TEXT_LENGTH) {
                        return false;
                    }
                    pending.push(new Level(member.getValue(), level.depth() + 1));
                }
            }
            else if (node.isArray()) {
                for (JsonNode element : node) {
                    pending.push(new Level(element, level.depth() + 1));
                }
            }
        }
        return true;
    }
}
