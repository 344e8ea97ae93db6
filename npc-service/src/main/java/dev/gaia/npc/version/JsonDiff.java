package dev.gaia.npc.version;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The differences between two JSON documents as {@link JsonChange}s. Objects are compared member
 * by member; arrays element by element by position, with elements added or removed at the end
 * (removals from the last, so that each pointer is valid when its operation applies).
 */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<JsonChange> between(JsonNode before, JsonNode after) {
        List<JsonChange> changes = new ArrayList<>();
        diff("", before, after, changes);
        return changes;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<JsonChange> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                String memberPath = path + "/" + escape(name);
                JsonNode old = before.get(name);
                JsonNode now = after.get(name);
                if (old == null) {
                    changes.add(JsonChange.add(memberPath, now));
                }
                else if (now == null) {
                    changes.add(JsonChange.remove(memberPath, old));
                }
                else {
                    diff(memberPath, old, now, changes);
                }
            }
        }
        else if (before.isArray() && after.isArray()) {
            int common = Math.min(before.size(), after.size());
            for (int i = 0; i < common; i++) {
                diff(path + "/" + i, before.get(i), after.get(i), changes);
            }
            for (int i = common; i < after.size(); i++) {
                changes.add(JsonChange.add(path + "/" + i, after.get(i)));
            }
            for (int i = before.size() - 1; i >= common; i--) {
                changes.add(JsonChange.remove(path + "/" + i, before.get(i)));
            }
        }
        else {
            changes.add(JsonChange.replace(path, before, after));
        }
    }

    /** A member name as a JSON Pointer reference token (RFC 6901 §3). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
