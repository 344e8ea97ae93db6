package dev.gaia.chat.npc;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LifeStrandTests {

    // As Spring Boot configures chat-service's mapper: snake_case, tolerant of fields it does not use.
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void readsTheModelSettingsAndEveryKindOfKnowledgeFromADesignersView() {
        LifeStrand npc = JSON.readValue("""
                {"npc_id": "6f1c0f4e-8a52-4a57-9d0e-6a1f3c2b1a00", "version": 3, "visible_to_players": true,
                 "name": "Elena", "background": {"occupation": "Marine Biologist"}, "personality": {"quirks": ["hums"]},
                 "knowledge": ["Whales pass in spring",
                               {"text": "The sonar is broken", "source": "designer", "confidence": 0.9, "keys": ["sonar"]}],
                 "goals": ["fix the sonar"], "safety": {"stay_in_world": true},
                 "model_settings": {"chat_model": "elena-13b", "temperature": 0.3}}""", LifeStrand.class);

        assertThat(npc.modelSettings()).isEqualTo(new LifeStrand.ModelSettings("elena-13b", 0.3));
        assertThat(npc.knowledge()).containsExactly("Whales pass in spring", "The sonar is broken");
    }

    @Test
    void leavesTheModelToTheGameWhenAPlayersViewHasNoModelSettings() {
        LifeStrand npc = JSON.readValue("""
                {"name": "Elena", "background": {}, "personality": {}}""", LifeStrand.class);

        assertThat(npc.modelSettings()).isNull();
        assertThat(npc.knowledge()).isEmpty();
    }
}
