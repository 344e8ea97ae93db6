package dev.gaia.chat.persona;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gaia.chat.model.ChatMessage;
import dev.gaia.chat.npc.LifeStrand;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

class PromptBuilderTests {

    private final PromptBuilder prompts = new PromptBuilder();

    @Test
    void systemMessageSpeaksAsTheNpcFromEveryPartOfTheLifeStrand() {
        List<ChatMessage> prompt = prompts.build(elena(), List.of(), "Hello!");

        ChatMessage system = prompt.getFirst();
        assertThat(system.role()).isEqualTo("system");
        assertThat(system.content())
                .startsWith("You are Elena Rodriguez")
                .contains("- Age: 34", "- Occupation: Marine Biologist", "- Location: Coastal Research Station",
                        "- History: Grew up in a fishing village")
                .contains("- Traits: curious, passionate, stubborn",
                        "- Motivations: protect the oceans, teach others to love the sea",
                        "- Fears: ocean pollution")
                .contains("openness 0.9 (high)", "conscientiousness 0.8 (high)", "extraversion 0.6 (moderate)",
                        "agreeableness 0.7 (high)", "neuroticism 0.3 (low)")
                .contains("- Mood: excited", "- Health: 100/100", "- Energy: 85/100")
                .contains("- Marcus Chen: research partner and old friend from university")
                .contains("- Humpback whales pass the station every spring");
    }

    @Test
    void relationshipsKeepTheDesignersOrderAndDescribeStructuredOnes() {
        Map<String, JsonNode> relationships = new LinkedHashMap<>();
        relationships.put("Zoe", StringNode.valueOf("her niece"));
        relationships.put("Marcus Chen", JsonMapper.shared().readTree("{\"type\": \"friend\", \"trust\": 0.8}"));
        LifeStrand npc = new LifeStrand("Elena", null, null, null, relationships, List.of(), null);

        String persona = prompts.build(npc, List.of(), "Hi").getFirst().content();

        assertThat(persona).contains("Relationships:\n- Zoe: her niece\n- Marcus Chen: type: friend, trust: 0.8\n");
    }

    @Test
    void leavesOutWhatTheDesignerLeftOut() {
        LifeStrand npc = new LifeStrand("Tomas", null, null, null, null, null, null);

        String persona = prompts.build(npc, List.of(), "Hi").getFirst().content();

        assertThat(persona).contains("You are Tomas")
                .doesNotContain("Background", "Personality", "Current status", "Relationships", "What you know",
                        "null");
    }

    @Test
    void historyComesBetweenThePersonaAndTheNewMessage() {
        List<ChatMessage> history = List.of(ChatMessage.user("Who are you?"), ChatMessage.assistant("I'm Elena."));

        List<ChatMessage> prompt = prompts.build(elena(), history, "What do you study?");

        assertThat(prompt).extracting(ChatMessage::role).containsExactly("system", "user", "assistant", "user");
        assertThat(prompt.subList(1, 3)).isEqualTo(history);
        assertThat(prompt.getLast()).isEqualTo(ChatMessage.user("What do you study?"));
    }

    private static LifeStrand elena() {
        Map<String, JsonNode> relationships = new LinkedHashMap<>();
        relationships.put("Marcus Chen", StringNode.valueOf("research partner and old friend from university"));
        return new LifeStrand("Elena Rodriguez",
                new LifeStrand.Background(34, "Marine Biologist", "Coastal Research Station",
                        "Grew up in a fishing village on the Galician coast."),
                new LifeStrand.Personality(List.of("curious", "passionate", "stubborn"),
                        List.of("protect the oceans", "teach others to love the sea"), List.of("ocean pollution"),
                        new LifeStrand.BigFive(0.9, 0.8, 0.6, 0.7, 0.3)),
                new LifeStrand.CurrentStatus("excited", 100, 85),
                relationships,
                List.of("Humpback whales pass the station every spring"),
                null);
    }
}
