package dev.gaia.npc.version;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class JsonDiffTests {

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void findsNothingBetweenEqualDocuments() {
        assertThat(JsonDiff.between(json.readTree("{\"a\":[1,{\"b\":null}]}"), json.readTree("{\"a\":[1,{\"b\":null}]}")))
                .isEmpty();
    }

    @Test
    void reportsAddedRemovedAndReplacedMembersWithTheirValues() {
        List<JsonChange> changes = JsonDiff.between(
                json.readTree("{\"name\":\"Ana\",\"age\":30,\"status\":{\"mood\":\"calm\"}}"),
                json.readTree("{\"name\":\"Ana\",\"status\":{\"mood\":\"angry\"},\"tags\":[\"x\"]}"));

        assertThat(changes).containsExactly(
                JsonChange.remove("/age", json.readTree("30")),
                JsonChange.replace("/status/mood", json.readTree("\"calm\""), json.readTree("\"angry\"")),
                JsonChange.add("/tags", json.readTree("[\"x\"]")));
    }

    @Test
    void comparesArraysByPositionAndRemovesFromTheEnd() {
        List<JsonChange> grown = JsonDiff.between(json.readTree("[1,2]"), json.readTree("[1,3,4]"));
        List<JsonChange> shrunk = JsonDiff.between(json.readTree("[1,2,3]"), json.readTree("[1]"));

        assertThat(grown).extracting(JsonChange::op, JsonChange::path)
                .containsExactly(tuple("replace", "/1"),
                        tuple("add", "/2"));
        assertThat(shrunk).extracting(JsonChange::path).containsExactly("/2", "/1");
    }

    @Test
    void escapesMemberNamesAsJsonPointers() {
        List<JsonChange> changes = JsonDiff.between(json.readTree("{}"), json.readTree("{\"a/b~c\":1}"));

        assertThat(changes).extracting(JsonChange::path).containsExactly("/a~1b~0c");
    }

    @Test
    void replacesAValueWhoseKindChanged() {
        JsonNode before = json.readTree("{\"a\":[1]}");
        JsonNode after = json.readTree("{\"a\":{\"b\":1}}");

        assertThat(JsonDiff.between(before, after)).containsExactly(
                JsonChange.replace("/a", json.readTree("[1]"), json.readTree("{\"b\":1}")));
    }
}
