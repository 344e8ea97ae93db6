package dev.gaia.model.usage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TokenUsageTests {

    private static final JsonMapper json = JsonMapper.shared();

    @Test
    void readsOpenAisUsage() {
        assertThat(TokenUsage.fromOpenAi(json.readTree("""
                {"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}""")))
                .isEqualTo(TokenUsage.of(12, 30));
    }

    @Test
    void readsAnEmbeddingsUsageAsNothingGenerated() {
        assertThat(TokenUsage.fromOpenAi(json.readTree("{\"prompt_tokens\":8,\"total_tokens\":8}")))
                .isEqualTo(TokenUsage.of(8, 0));
    }

    @Test
    void countsNothingWhenTheProviderReportedNothing() {
        assertThat(TokenUsage.fromOpenAi(json.readTree("{}").path("usage")).known()).isFalse();
        assertThat(TokenUsage.fromOpenAi(json.readTree("null")).known()).isFalse();
        assertThat(TokenUsage.fromOpenAi(json.readTree("{\"prompt_tokens\":\"12\",\"completion_tokens\":3}")).known())
                .isFalse();
        assertThat(TokenUsage.fromOpenAi(json.readTree("{\"prompt_tokens\":-1,\"completion_tokens\":3}")).known())
                .isFalse();
    }
}
