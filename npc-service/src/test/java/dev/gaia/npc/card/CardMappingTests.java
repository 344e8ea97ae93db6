package dev.gaia.npc.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeFact;
import dev.gaia.npc.lifestrand.LifeStrand.KnowledgeScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class CardMappingTests {

    private static final Path CARDS = Path.of("src/test/resources/cards");

    /** The service stores Life Strands as snake_case JSON; the round trip must survive that too. */
    private final JsonMapper storage = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @ParameterizedTest
    @ValueSource(strings = { "mira-v2", "oren-v3" })
    void givesBackTheCardOfAnUneditedCharacter(String name) throws IOException {
        CardDocument card = CardDocument.parse(Files.readAllBytes(CARDS.resolve(name + ".json")));

        LifeStrand stored = stored(CardMapping.toLifeStrand(card).lifeStrand());

        assertThat(CardMapping.toCard(stored, card.spec(), false)).isEqualTo(card.card());
    }

    @Test
    void splitsLongLoreIntoFactsAndLeavesOutDisabledAndEmptyEntries() throws IOException {
        CardMapping.Imported imported = CardMapping.toLifeStrand(card("mira-v2"));

        List<KnowledgeFact> knowledge = imported.lifeStrand().knowledge();
        assertThat(knowledge).allSatisfy(fact -> {
            assertThat(fact.text().length()).isLessThanOrEqualTo(1000);
            assertThat(fact.scope()).isEqualTo(KnowledgeScope.COMMON);
            assertThat(fact.source()).isEqualTo(CardMapping.BOOK_SOURCE);
        });
        assertThat(knowledge).extracting(KnowledgeFact::text).noneMatch(text -> text.contains("cursed"));
        assertThat(knowledge.subList(2, knowledge.size())).allSatisfy(
                fact -> assertThat(fact.keys()).containsExactly("reef", "Widow's Reef"));
        assertThat(knowledge.size()).isGreaterThan(3);
        assertThat(imported.factEntries()).startsWith(0, 1, 3, 3);
    }

    @Test
    void writesTheDesignersEditsOverTheKeptCard() throws IOException {
        CardDocument card = card("mira-v2");
        LifeStrand imported = stored(CardMapping.toLifeStrand(card).lifeStrand());
        List<KnowledgeFact> knowledge = new ArrayList<>(imported.knowledge());
        knowledge.removeFirst();
        knowledge.add(new KnowledgeFact("Mira owes the harbour master forty crowns.", "designer", 0.7,
                KnowledgeScope.PERSONAL, List.of("debt")));
        LifeStrand edited = new LifeStrand("Mira the Younger",
                new LifeStrand.Background(40, null, null, "A new story."),
                new LifeStrand.Personality(List.of("bold", "kind"), null, null, null, null, null),
                null, null, null, knowledge, null, null, null, null, null, null, List.of("captain"),
                imported.extensions());

        ObjectNode exported = CardMapping.toCard(stored(edited), CardSpec.V2, false);

        JsonNode data = exported.path("data");
        assertThat(data.path("name").stringValue()).isEqualTo("Mira the Younger");
        assertThat(data.path("description").stringValue()).isEqualTo("A new story.");
        assertThat(data.path("personality").stringValue()).isEqualTo("bold, kind");
        assertThat(data.path("tags").valueStream().map(JsonNode::stringValue)).containsExactly("captain");
        assertThat(data.path("mes_example").stringValue()).isEmpty();
        assertThat(data.path("scenario")).isEqualTo(card.data().path("scenario"));
        assertThat(data.path("extensions")).isEqualTo(card.data().path("extensions"));
        List<JsonNode> entries = data.path("character_book").path("entries").valueStream().toList();
        assertThat(entries).extracting(entry -> entry.path("content").stringValue())
                .doesNotContain("The Gull was a three-masted brig that sank off Widow's Reef ten years ago.")
                .contains("A rumour says the Gull was cursed.", "Mira owes the harbour master forty crowns.");
        JsonNode added = entries.getLast();
        assertThat(added.path("insertion_order").intValue()).isEqualTo(51);
        assertThat(added.path("extensions").path("gaia").path("scope").stringValue()).isEqualTo("PERSONAL");

        LifeStrand reimported = CardMapping.toLifeStrand(new CardDocument(CardSpec.V2, exported)).lifeStrand();
        assertThat(reimported.knowledge()).containsExactlyInAnyOrderElementsOf(knowledge);
    }

    @Test
    void writesACharacterThatWasNeverACardAsAV3Card() {
        LifeStrand strand = new LifeStrand("Ada", new LifeStrand.Background(null, "smith", null, "Forges."),
                new LifeStrand.Personality(List.of("stubborn"), null, null, null, null, null), null, null, null,
                List.of(KnowledgeFact.of("The mine is closed.")), null, null,
                new LifeStrand.SpeechStyle(null, null, List.of("Hm.", "Go away.")), null, null, null, List.of("npc"),
                null);

        ObjectNode card = CardMapping.toCard(strand, CardSpec.V3, false);

        assertThat(card.path("spec").stringValue()).isEqualTo("chara_card_v3");
        assertThat(card.path("spec_version").stringValue()).isEqualTo("3.0");
        JsonNode data = card.path("data");
        assertThat(data.path("group_only_greetings").isArray()).isTrue();
        assertThat(data.path("mes_example").stringValue()).isEqualTo("<START>\nHm.\n<START>\nGo away.\n");
        JsonNode entry = data.path("character_book").path("entries").get(0);
        assertThat(entry.path("constant").booleanValue()).isTrue();
        assertThat(entry.path("use_regex").booleanValue()).isFalse();
        LifeStrand back = CardMapping.toLifeStrand(new CardDocument(CardSpec.V3, card)).lifeStrand();
        assertThat(back.knowledge()).isEqualTo(strand.knowledge());
        assertThat(back.speechStyle().exampleLines()).isEqualTo(strand.speechStyle().exampleLines());
        assertThat(back.personality().traits()).isEqualTo(strand.personality().traits());
        assertThat(back.background().history()).isEqualTo("Forges.");
    }

    @Test
    void dropsV3OnlyFieldsForV2AndWarnsInABackfill() throws IOException {
        LifeStrand oren = stored(CardMapping.toLifeStrand(card("oren-v3")).lifeStrand());

        ObjectNode v2 = CardMapping.toCard(oren, CardSpec.V2, false);
        ObjectNode backfill = CardMapping.toCard(oren, CardSpec.V2, true);

        assertThat(v2.path("spec").stringValue()).isEqualTo("chara_card_v2");
        assertThat(v2.path("data").has("nickname")).isFalse();
        assertThat(v2.path("data").has("assets")).isFalse();
        assertThat(v2.path("data").path("creator_notes").stringValue()).isEqualTo("English notes.");
        assertThat(backfill.path("data").path("creator_notes").stringValue())
                .startsWith(CardMapping.BACKFILL_WARNING).endsWith("English notes.");
    }

    @Test
    void liftsAV1CardToV2() {
        CardDocument v1 = CardDocument.parse("""
                {"name":"Old","description":"d","personality":"p","scenario":"s","first_mes":"f","mes_example":""}"""
                .getBytes());

        assertThat(v1.spec()).isEqualTo(CardSpec.V2);
        assertThat(v1.data().path("first_mes").stringValue()).isEqualTo("f");
        assertThat(v1.data().path("extensions").isObject()).isTrue();
    }

    @Test
    void namesTheCardFieldsOfLifeStrandFields() throws IOException {
        CardMapping.Imported imported = CardMapping.toLifeStrand(card("mira-v2"));

        assertThat(imported.cardField("name")).isEqualTo("data.name");
        assertThat(imported.cardField("background.history")).isEqualTo("data.description");
        assertThat(imported.cardField("tags[2]")).isEqualTo("data.tags[2]");
        assertThat(imported.cardField("speech_style.example_lines[0]")).isEqualTo("data.mes_example");
        assertThat(imported.cardField("knowledge[2].text")).isEqualTo("data.character_book.entries[3].content");
        assertThat(imported.cardField("knowledge[1].keys[0]")).isEqualTo("data.character_book.entries[1].keys");
        assertThat(imported.cardField("extensions[card_book_entries]")).isEqualTo("data.character_book.entries");
    }

    private CardDocument card(String name) throws IOException {
        return CardDocument.parse(Files.readAllBytes(CARDS.resolve(name + ".json")));
    }

    private LifeStrand stored(LifeStrand strand) {
        return storage.readValue(storage.writeValueAsString(strand), LifeStrand.class);
    }
}
