package dev.gaia.model.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Options of a streamed answer.
 *
 * @param includeUsage whether the stream ends with a chunk carrying the token usage
 * @param extensions other options, forwarded unchanged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamOptions(
        @Nullable Boolean includeUsage,
        @JsonAnySetter @JsonAnyGetter @Size(max = 16) Map<String, JsonNode> extensions) {

    public StreamOptions {
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }
}
