package dev.gaia.npc.lifestrand;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A character as {@code GET /api/npcs/{id}} shows it: its Life Strand's fields beside its id,
 * game, version and times. Players get neither the designer-only parts of the Life Strand
 * ({@link #DESIGNER_ONLY}) nor {@code visible_to_players}. Empty lists and maps of the Life
 * Strand are left out, as a designer may leave them out (their contents, such as
 * {@code extensions}, are shown as given).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NpcResponse(
        UUID npcId,
        UUID gameId,
        long version,
        @Nullable Boolean visibleToPlayers,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore Map<String, JsonNode> lifeStrand) {

    /**
     * The Life Strand fields only designers and admins see. The model settings stay visible: the
     * conversation a player starts is answered with the NPC's own model.
     */
    static final Set<String> DESIGNER_ONLY = Set.of("safety", "extensions", "goals");

    static NpcResponse of(NpcView npc, boolean visibleToPlayers, GaiaPrincipal caller, JsonMapper jsonMapper) {
        boolean designer = caller.isDesignerOrAdmin();
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        LifeStrand strand = designer ? npc.lifeStrand() : withoutLearnedKnowledge(npc.lifeStrand());
        jsonMapper.valueToTree(strand).properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && !KEPT_AS_GIVEN.contains(name)) {
                value = withoutEmptyLists((ObjectNode) value);
            }
            if ((designer || !DESIGNER_ONLY.contains(name)) && !(value.isContainer() && value.isEmpty())) {
                fields.put(name, value);
            }
        });
        return new NpcResponse(npc.npcId(), npc.gameId(), npc.version(), designer ? visibleToPlayers : null,
                npc.createdAt(), npc.updatedAt(), fields);
    }

    /** The Life Strand without the facts learned from players' conversations, for a player to read. */
    private static LifeStrand withoutLearnedKnowledge(LifeStrand strand) {
        List<LifeStrand.KnowledgeFact> shared = strand.knowledge().stream()
                .filter(fact -> !fact.learnedInConversation()).toList();
        return new LifeStrand(strand.name(), strand.background(), strand.personality(), strand.currentStatus(),
                strand.emotionalState(), strand.relationships(), shared, strand.memories(), strand.goals(),
                strand.speechStyle(), strand.safety(), strand.modelSettings(), strand.avatarAssetId(), strand.tags(),
                strand.extensions());
    }

    /** Maps whose members are the designer's own data, not lists of the Life Strand's shape. */
    private static final Set<String> KEPT_AS_GIVEN = Set.of("relationships", "extensions");

    private static ObjectNode withoutEmptyLists(ObjectNode part) {
        ObjectNode pruned = part.deepCopy();
        part.properties().forEach(member -> {
            if (member.getValue().isArray() && member.getValue().isEmpty()) {
                pruned.remove(member.getKey());
            }
        });
        return pruned;
    }

    @JsonAnyGetter
    Map<String, JsonNode> lifeStrandFields() {
        return lifeStrand;
    }
}
