package dev.gaia.npc.version;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One difference between two JSON documents: an RFC 6902 operation ({@code add},
 * {@code remove}, {@code replace}) at a JSON Pointer, with the value before and after.
 * Applying the operations in order with their {@code after} as {@code value} turns the first
 * document into the second.
 *
 * @param op what happened at {@code path}
 * @param path where, as a JSON Pointer (RFC 6901) such as {@code /personality/traits/2}
 * @param before the value before; absent for {@code add}
 * @param after the value after; absent for {@code remove}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonChange(String op, String path, @Nullable JsonNode before, @Nullable JsonNode after) {

    static JsonChange add(String path, JsonNode after) {
        return new JsonChange("add", path, null, after);
    }

    static JsonChange remove(String path, JsonNode before) {
        return new JsonChange("remove", path, before, null);
    }

    static JsonChange replace(String path, JsonNode before, JsonNode after) {
        return new JsonChange("replace", path, before, after);
    }
}
