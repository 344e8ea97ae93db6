package dev.gaia.npc.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.Background;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeFact;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeScope;
import dev.gaia.npc.lifestrand.LifeStrand.Personality;
import dev.gaia.npc.lifestrand.LifeStrand.SpeechStyle;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Between a Character Card and a Life Strand.
 *
 * <p>Import puts each card field where the Life Strand has a place for it: {@code name};
 * {@code description} as {@code background.history}; a {@code personality} that is a list of
 * short words as {@code personality.traits}; {@code mes_example}'s {@code <START>} blocks as
 * {@code speech_style.example_lines}; {@code tags}; every enabled lorebook entry of
 * {@code character_book} as common knowledge with the entry's keys (content longer than a
 * knowledge fact is split at word boundaries). The card itself is kept in the Life Strand's
 * extensions ({@value #CARD}, {@value #CARD_EXTENSIONS}, {@value #CARD_BOOK},
 * {@value #CARD_BOOK_ENTRIES}), so whatever Gaia has no field for survives.
 *
 * <p>Export starts from the kept card and writes the Life Strand's current values over it: a
 * field whose Life Strand value is still what import made of the kept one is written as it was
 * kept, so an unedited character gives back the imported card field for field; an edited one
 * gives the edit. A lorebook entry is kept while all knowledge made from it still exists;
 * knowledge without an entry becomes a new entry whose {@code extensions.gaia} remembers its
 * scope, source and confidence.
 */
final class CardMapping {

    /** The card without its {@code data.extensions} and {@code data.character_book}. */
    static final String CARD = "card";

    /** The card's {@code data.extensions}, as they were. */
    static final String CARD_EXTENSIONS = "card_extensions";

    /** The card's lorebook without its entries. */
    static final String CARD_BOOK = "card_book";

    /** The card's lorebook entries, as they were. */
    static final String CARD_BOOK_ENTRIES = "card_book_entries";

    /** The source of knowledge that came from a card's lorebook. */
    static final String BOOK_SOURCE = "character_card";

    /** Where an entry remembers the knowledge fact it was exported from. */
    static final String GAIA_EXTENSION = "gaia";

    static final String BACKFILL_WARNING = "This character card is Character Card V3, but it is loaded as a"
            + " Character Card V2. Please use a Character Card V3 compatible application to use this character"
            + " card properly.";

    private static final int MAX_FACT_LENGTH = 1000;
    private static final int MAX_TRAITS = 50;
    private static final int MAX_TRAIT_LENGTH = 40;
    private static final Pattern TRAIT_SEPARATOR = Pattern.compile("[,;\\n]");
    private static final Pattern START = Pattern.compile("<START>", Pattern.CASE_INSENSITIVE);
    private static final Set<String> V3_ONLY = Set.of("assets", "nickname", "creator_notes_multilingual", "source",
            "group_only_greetings", "creation_date", "modification_date");
    private static final Map<String, Supplier<JsonNode>> V2_REQUIRED = Map.of(
            "description", () -> text(""), "personality", () -> text(""), "scenario", () -> text(""),
            "first_mes", () -> text(""), "mes_example", () -> text(""), "creator_notes", () -> text(""),
            "system_prompt", () -> text(""), "post_history_instructions", () -> text(""),
            "alternate_greetings", CardDocument.mapper()::createArrayNode, "tags",
            CardDocument.mapper()::createArrayNode);
    private static final Pattern KNOWLEDGE_FIELD = Pattern.compile("^knowledge\\[(\\d+)](.*)$");

    private CardMapping() {
    }

    /**
     * A card made into a Life Strand.
     *
     * @param lifeStrand the character, not yet validated
     * @param factEntries for each knowledge fact, the index of the lorebook entry it came from
     */
    record Imported(LifeStrand lifeStrand, List<Integer> factEntries) {

        /** A Life Strand field, as the card field it came from. */
        String cardField(String lifeStrandField) {
            Matcher knowledge = KNOWLEDGE_FIELD.matcher(lifeStrandField);
            if (knowledge.matches()) {
                int fact = Integer.parseInt(knowledge.group(1));
                String entry = fact < factEntries.size()
                        ? "data.character_book.entries[" + factEntries.get(fact) + "]" : "data.character_book.entries";
                String rest = knowledge.group(2);
                return entry + (rest.startsWith(".text") ? ".content" : rest.startsWith(".keys") ? ".keys" : rest);
            }
            if (lifeStrandField.equals("knowledge")) {
                return "data.character_book.entries";
            }
            if (lifeStrandField.startsWith("extensions[")) {
                return switch (lifeStrandField) {
                    case "extensions[" + CARD_EXTENSIONS + "]" -> "data.extensions";
                    case "extensions[" + CARD_BOOK + "]" -> "data.character_book";
                    case "extensions[" + CARD_BOOK_ENTRIES + "]" -> "data.character_book.entries";
                    default -> "data";
                };
            }
            if (lifeStrandField.equals("background.history")) {
                return "data.description";
            }
            if (lifeStrandField.startsWith("speech_style.example_lines")) {
                return "data.mes_example";
            }
            return "data." + lifeStrandField;
        }
    }

    /**
     * The Life Strand a card describes.
     *
     * @throws dev.gaia.shared.problem.ProblemException 422 {@code card_invalid} naming a field of the
     *         wrong type
     */
    static Imported toLifeStrand(CardDocument document) {
        ObjectNode data = document.data();
        JsonNode name = data.get("name");
        if (name == null || !name.isString()) {
            throw CardProblems.invalid("data.name", "must be a text");
        }
        String description = optionalText(data, "description", "data.description");
        String personality = optionalText(data, "personality", "data.personality");
        String examples = optionalText(data, "mes_example", "data.mes_example");
        List<String> tags = texts(data.get("tags"), "data.tags");
        JsonNode cardExtensions = data.get("extensions");
        if (cardExtensions != null && !cardExtensions.isObject()) {
            throw CardProblems.invalid("data.extensions", "must be an object");
        }
        JsonNode book = data.get("character_book");
        if (book != null && !book.isObject() && !book.isNull()) {
            throw CardProblems.invalid("data.character_book", "must be an object");
        }
        ArrayNode entries = book != null && book.isObject() ? entries((ObjectNode) book) : null;

        List<KnowledgeFact> knowledge = new ArrayList<>();
        List<Integer> factEntries = new ArrayList<>();
        if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                checkEntry(entries.get(i), "data.character_book.entries[" + i + "]");
                for (KnowledgeFact fact : factsOf(entries.get(i))) {
                    knowledge.add(fact);
                    factEntries.add(i);
                }
            }
        }
        List<String> exampleLines = examplesOf(examples);

        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        ObjectNode kept = document.card().deepCopy();
        ObjectNode keptData = (ObjectNode) kept.get("data");
        keptData.remove("extensions");
        keptData.remove("character_book");
        extensions.put(CARD, kept);
        if (cardExtensions != null) {
            extensions.put(CARD_EXTENSIONS, cardExtensions.deepCopy());
        }
        if (book != null && book.isObject()) {
            ObjectNode keptBook = ((ObjectNode) book).deepCopy();
            keptBook.remove("entries");
            extensions.put(CARD_BOOK, keptBook);
            extensions.put(CARD_BOOK_ENTRIES, entries.deepCopy());
        }
        LifeStrand lifeStrand = new LifeStrand(name.stringValue(),
                new Background(null, null, null, historyOf(description)),
                new Personality(traitsOf(personality), List.of(), List.of(), null, List.of(), List.of()),
                null, null, Map.of(), knowledge, List.of(), List.of(),
                exampleLines.isEmpty() ? null : new SpeechStyle(null, List.of(), exampleLines),
                null, null, null, tags, extensions);
        return new Imported(lifeStrand, factEntries);
    }

    private static ArrayNode entries(ObjectNode book) {
        JsonNode entries = book.get("entries");
        if (entries == null || !entries.isArray()) {
            throw CardProblems.invalid("data.character_book.entries", "must be a list of lorebook entries");
        }
        return (ArrayNode) entries;
    }

    private static void checkEntry(JsonNode entry, String path) {
        if (!entry.isObject()) {
            throw CardProblems.invalid(path, "must be a lorebook entry object");
        }
        texts(entry.get("keys"), path + ".keys");
        optionalText((ObjectNode) entry, "content", path + ".content");
        JsonNode enabled = entry.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw CardProblems.invalid(path + ".enabled", "must be true or false");
        }
        JsonNode extensions = entry.get("extensions");
        if (extensions != null && !extensions.isObject()) {
            throw CardProblems.invalid(path + ".extensions", "must be an object");
        }
    }

    private static @Nullable String optionalText(ObjectNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw CardProblems.invalid(path, "must be a text");
        }
        return value.stringValue();
    }

    private static List<String> texts(@Nullable JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw CardProblems.invalid(path, "must be a list of texts");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw CardProblems.invalid(path, "must be a list of texts");
            }
            texts.add(element.stringValue());
        }
        return texts;
    }

    private static @Nullable String historyOf(@Nullable String description) {
        return description == null || description.isEmpty() ? null : description;
    }

    /** A personality that is a list of short words ("brave, curious; loyal"); prose is no list of traits. */
    static List<String> traitsOf(@Nullable String personality) {
        if (personality == null || personality.isBlank()) {
            return List.of();
        }
        List<String> traits = new ArrayList<>();
        for (String part : TRAIT_SEPARATOR.split(personality)) {
            String trait = part.strip();
            if (trait.length() > MAX_TRAIT_LENGTH) {
                return List.of();
            }
            if (!trait.isEmpty()) {
                traits.add(trait);
            }
        }
        return traits.size() <= MAX_TRAITS ? List.copyOf(traits) : List.of();
    }

    /** The {@code <START>} blocks of a {@code mes_example}, each a dialogue the character might have. */
    static List<String> examplesOf(@Nullable String mesExample) {
        if (mesExample == null || mesExample.isBlank()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String block : START.split(mesExample)) {
            String line = block.strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    /** The knowledge a lorebook entry gives: none when it is disabled, empty or not an entry. */
    static List<KnowledgeFact> factsOf(JsonNode entry) {
        JsonNode enabled = entry.path("enabled");
        if (!entry.isObject() || enabled.isBoolean() && !enabled.booleanValue() || !entry.path("content").isString() || entry.path("content").stringValue().isBlank()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode key : entry.path("keys")) {
            if (key.isString() && !key.stringValue().isBlank()) {
                keys.add(key.stringValue());
            }
        }
        JsonNode gaia = entry.path("extensions").path(GAIA_EXTENSION);
        KnowledgeScope scope = KnowledgeScope.COMMON;
        String source = BOOK_SOURCE;
        Double confidence = null;
        if (gaia.isObject()) {
            scope = scopeOf(gaia.path("scope"));
            source = gaia.path("source").isString() ? gaia.path("source").stringValue() : null;
            confidence = gaia.path("confidence").isNumber() ? gaia.path("confidence").doubleValue() : null;
        }
        List<KnowledgeFact> facts = new ArrayList<>();
        for (String part : split(entry.path("content").stringValue().strip())) {
            facts.add(new KnowledgeFact(part, source, confidence, scope, keys));
        }
        return facts;
    }

    private static @Nullable KnowledgeScope scopeOf(JsonNode scope) {
        if (!scope.isString()) {
            return null;
        }
        for (KnowledgeScope candidate : KnowledgeScope.values()) {
            if (candidate.name().equals(scope.stringValue())) {
                return candidate;
            }
        }
        return null;
    }

    /** A text in parts of at most {@value #MAX_FACT_LENGTH} characters, cut at whitespace where there is some. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_FACT_LENGTH) {
            int cut = MAX_FACT_LENGTH;
            for (int i = MAX_FACT_LENGTH; i > MAX_FACT_LENGTH / 2; i--) {
                if (Character.isWhitespace(rest.charAt(i))) {
                    cut = i;
                    break;
                }
            }
            if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut--;
            }
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** The spec of the card a Life Strand was imported from; V2 for one that was not. */
    static CardSpec keptSpec(LifeStrand lifeStrand) {
        JsonNode kept = lifeStrand.extensions().get(CARD);
        CardSpec spec = kept != null && kept.path("spec").isString()
                ? CardSpec.ofSpecField(kept.path("spec").stringValue()) : null;
        return spec != null ? spec : CardSpec.V2;
    }

    /**
     * The card of a Life Strand in {@code spec}.
     *
     * @param backfill whether this V2 card stands beside a V3 one for older readers (a PNG's
     *        {@code chara} chunk): then a card imported as V3 warns so in {@code creator_notes}
     */
    static ObjectNode toCard(LifeStrand lifeStrand, CardSpec spec, boolean backfill) {
        Map<String, JsonNode> extensions = lifeStrand.extensions();
        JsonNode keptCard = extensions.get(CARD);
        ObjectNode card;
        if (keptCard != null && keptCard.isObject() && keptCard.path("data").isObject()) {
            card = (ObjectNode) keptCard.deepCopy();
        }
        else {
            card = CardDocument.object();
            card.put("spec", CardSpec.V2.spec());
            card.put("spec_version", CardSpec.V2.version());
            ObjectNode data = card.putObject("data");
            data.put("name", lifeStrand.name());
            V2_REQUIRED.forEach((field, value) -> data.set(field, value.get()));
            data.put("creator", "");
            data.put("character_version", "");
            data.putObject("extensions");
        }
        CardSpec kept = keptSpec(lifeStrand);
        ObjectNode data = (ObjectNode) card.get("data");
        JsonNode keptExtensions = extensions.get(CARD_EXTENSIONS);
        if (keptExtensions != null) {
            data.set("extensions", keptExtensions.deepCopy());
        }

        keepOrWrite(data, "name", node -> node != null && node.isString() ? node.stringValue() : null,
                lifeStrand.name(), () -> text(lifeStrand.name()));
        String history = lifeStrand.background().history();
        keepOrWrite(data, "description", node -> historyOf(textOf(node)), history,
                () -> text(history == null ? "" : history));
        List<String> traits = lifeStrand.personality().traits();
        keepOrWrite(data, "personality", node -> traitsOf(textOf(node)), traits,
                () -> text(String.join(", ", traits)));
        List<String> lines = lifeStrand.speechStyle() == null ? List.of() : lifeStrand.speechStyle().exampleLines();
        keepOrWrite(data, "mes_example", node -> examplesOf(textOf(node)), lines,
                () -> text(lines.stream().map(line -> "<START>\n" + line + "\n").reduce("", String::concat)));
        keepOrWrite(data, "tags", CardMapping::textsOf, lifeStrand.tags(), () -> array(lifeStrand.tags()));

        ArrayNode entries = entriesFor(extensions.get(CARD_BOOK_ENTRIES), lifeStrand.knowledge(), spec);
        JsonNode keptBook = extensions.get(CARD_BOOK);
        if (keptBook != null && keptBook.isObject()) {
            ObjectNode book = (ObjectNode) keptBook.deepCopy();
            book.set("entries", entries);
            data.set("character_book", book);
        }
        else if (!entries.isEmpty()) {
            ObjectNode book = data.putObject("character_book");
            book.putObject("extensions");
            book.set("entries", entries);
        }
        convert(card, kept, spec, backfill);
        return card;
    }

    /** Leaves a kept field as it is while the Life Strand still holds what it was made into; else writes the Life Strand's. */
    private static <T> void keepOrWrite(ObjectNode data, String field, Function<@Nullable JsonNode, T> madeInto,
            T current, Supplier<JsonNode> written) {
        if (!Objects.equals(madeInto.apply(data.get(field)), current)) {
            data.set(field, written.get());
        }
    }

    private static ArrayNode entriesFor(@Nullable JsonNode keptEntries, List<KnowledgeFact> knowledge,
            CardSpec spec) {
        List<KnowledgeFact> unmatched = new ArrayList<>(knowledge);
        ArrayNode entries = CardDocument.mapper().createArrayNode();
        int nextOrder = 0;
        if (keptEntries != null && keptEntries.isArray()) {
            for (JsonNode entry : keptEntries) {
                List<KnowledgeFact> facts = factsOf(entry);
                List<KnowledgeFact> left = new ArrayList<>(unmatched);
                boolean stillKnown = facts.stream().allMatch(left::remove);
                if (facts.isEmpty() || stillKnown) {
                    entries.add(entry.deepCopy());
                    unmatched = left;
                }
                if (entry.path("insertion_order").isNumber()) {
                    nextOrder = Math.max(nextOrder, entry.path("insertion_order").intValue() + 1);
                }
            }
        }
        for (KnowledgeFact fact : unmatched) {
            entries.add(entryOf(fact, nextOrder++, spec));
        }
        return entries;
    }

    private static ObjectNode entryOf(KnowledgeFact fact, int order, CardSpec spec) {
        ObjectNode entry = CardDocument.object();
        entry.set("keys", array(fact.keys()));
        entry.put("content", fact.text());
        ObjectNode extensions = entry.putObject("extensions");
        boolean fromBook = fact.scope() == KnowledgeScope.COMMON && BOOK_SOURCE.equals(fact.source())
                && fact.confidence() == null;
        if (!fromBook) {
            ObjectNode gaia = extensions.putObject(GAIA_EXTENSION);
            if (fact.scope() != null) {
                gaia.put("scope", fact.scope().name());
            }
            if (fact.source() != null) {
                gaia.put("source", fact.source());
            }
            if (fact.confidence() != null) {
                gaia.put("confidence", fact.confidence());
            }
        }
        entry.put("enabled", true);
        entry.put("insertion_order", order);
        entry.put("constant", fact.keys().isEmpty());
        if (spec == CardSpec.V3) {
            entry.put("use_regex", false);
        }
        return entry;
    }

    /** Turns a card of spec {@code from} into one of spec {@code to}. */
    private static void convert(ObjectNode card, CardSpec from, CardSpec to, boolean backfill) {
        ObjectNode data = (ObjectNode) card.get("data");
        if (from != to) {
            card.put("spec", to.spec());
            card.put("spec_version", to.version());
        }
        if (to == CardSpec.V3) {
            if (!data.has("group_only_greetings")) {
                data.putArray("group_only_greetings");
            }
            return;
        }
        if (from == CardSpec.V3) {
            V3_ONLY.forEach(data::remove);
            V2_REQUIRED.forEach((field, value) -> {
                if (!data.has(field)) {
                    data.set(field, value.get());
                }
            });
            if (backfill) {
                String notes = textOf(data.get("creator_notes"));
                data.put("creator_notes", notes == null || notes.isEmpty() ? BACKFILL_WARNING
                        : BACKFILL_WARNING + "\n\n" + notes);
            }
        }
    }

    private static @Nullable String textOf(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static List<String> textsOf(@Nullable JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString()) {
                return List.of();
            }
            texts.add(element.stringValue());
        }
        return List.copyOf(texts);
    }

    private static JsonNode text(String value) {
        return CardDocument.mapper().getNodeFactory().stringNode(value);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = CardDocument.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
