package dev.gaia.npc.lifestrand;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7386): the algorithm of its section 2, without changing its inputs. */
final class MergePatch {

    private MergePatch() {
    }

    /** {@code target} with {@code patch} merged in: members set to null are removed, objects merge, anything else replaces. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            }
            else {
                JsonNode current = result.get(member.getKey());
                result.set(member.getKey(), apply(current == null ? result.nullNode() : current, member.getValue()));
            }
        }
        return result;
    }
}
