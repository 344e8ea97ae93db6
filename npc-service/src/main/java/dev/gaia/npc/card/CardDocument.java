package dev.gaia.npc.card;

import java.util.Base64;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A card's JSON: parsed under tight limits (size, nesting, duplicate keys, trailing data), told
 * apart by its {@code spec}, a V1 card lifted to V2, and written back out.
 *
 * @param spec the specification the card follows
 * @param card the whole card, {@code {spec, spec_version, data, ...}}
 */
record CardDocument(CardSpec spec, ObjectNode card) {

    /** The most JSON a card may have: far above real cards, far below what would hurt. */
    static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_JSON_BYTES)
                            .maxNestingDepth(64)
                            .maxNumberLength(100)
                            .maxNameLength(10_000)
                            .maxStringLength(MAX_JSON_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The fields of a V1 card, which V2 nests in {@code data}. */
    private static final Map<String, JsonNode> V2_DEFAULTS = Map.of(
            "creator_notes", JSON.getNodeFactory().stringNode(""),
            "system_prompt", JSON.getNodeFactory().stringNode(""),
            "post_history_instructions", JSON.getNodeFactory().stringNode(""),
            "alternate_greetings", JSON.createArrayNode(),
            "tags", JSON.createArrayNode(),
            "creator", JSON.getNodeFactory().stringNode(""),
            "character_version", JSON.getNodeFactory().stringNode(""),
            "extensions", JSON.createObjectNode());

    /** A card from its JSON bytes. */
    static CardDocument parse(byte[] json) {
        if (json.length > MAX_JSON_BYTES) {
            throw CardProblems.tooLarge("The card's JSON is larger than " + MAX_JSON_BYTES + " bytes.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        }
        catch (JacksonException ex) {
            throw CardProblems.malformed("The card is not valid JSON: " + ex.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw CardProblems.missing("The JSON is not an object, so it is not a Character Card.");
        }
        rejectNulCharacters(root, "");
        return of((ObjectNode) root);
    }

    /** A card from the base64 text of a PNG chunk. */
    static CardDocument parseBase64(String base64) {
        byte[] json;
        try {
            json = Base64.getDecoder().decode(base64.replaceAll("[\\t\\n\\r ]", ""));
        }
        catch (IllegalArgumentException ex) {
            throw CardProblems.malformed("The PNG's card chunk is not valid base64.");
        }
        return parse(json);
    }

    private static CardDocument of(ObjectNode root) {
        JsonNode specField = root.get("spec");
        if (specField == null && !root.has("data") && root.path("name").isString()) {
            return new CardDocument(CardSpec.V2, liftV1(root));
        }
        CardSpec spec = specField != null && specField.isString() ? CardSpec.ofSpecField(specField.stringValue())
                : null;
        if (spec == null) {
            throw CardProblems.invalid("spec", "must be chara_card_v2 or chara_card_v3");
        }
        if (!root.path("data").isObject()) {
            throw CardProblems.invalid("data", "must be an object holding the character");
        }
        return new CardDocument(spec, root);
    }

    /** A V1 card (flat fields) as the V2 card that nests them in {@code data}. */
    private static ObjectNode liftV1(ObjectNode v1) {
        ObjectNode data = v1.deepCopy();
        V2_DEFAULTS.forEach((field, value) -> {
            if (!data.has(field)) {
                data.set(field, value.deepCopy());
            }
        });
        ObjectNode card = JSON.createObjectNode();
        card.put("spec", CardSpec.V2.spec());
        card.put("spec_version", CardSpec.V2.version());
        card.set("data", data);
        return card;
    }

    /** PostgreSQL cannot store U+0000 in JSON text; a card holding it is refused by name. */
    private static void rejectNulCharacters(JsonNode node, String path) {
        if (node.isString() && node.stringValue().indexOf('\0') >= 0) {
            throw CardProblems.invalid(path, "must not contain the NUL character (U+0000)");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (member.getKey().indexOf('\0') >= 0) {
                    throw CardProblems.invalid(path, "has a field name with the NUL character (U+0000)");
                }
                rejectNulCharacters(member.getValue(), memberPath);
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNulCharacters(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** The card's {@code data} object. */
    ObjectNode data() {
        return (ObjectNode) card.get("data");
    }

    /** This card as JSON bytes, UTF-8. */
    static byte[] write(ObjectNode card) {
        return JSON.writeValueAsBytes(card);
    }

    /** This card as the base64 text of a PNG chunk. */
    static String writeBase64(ObjectNode card) {
        return Base64.getEncoder().encodeToString(write(card));
    }

    /** A new, empty object node. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The mapper cards are read with, for tests and conversions. */
    static JsonMapper mapper() {
        return JSON;
    }
}
