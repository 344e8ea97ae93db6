package dev.gaia.model.openai;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionRequestTests {

    private final JsonMapper jsonMapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void forwardsEveryFieldItDoesNotKnowUnchanged() {
        String json = """
                {"model":"chat","stream":true,"stream_options":{"include_usage":true,"include_obfuscation":false},
                 "temperature":0.7,"top_p":0.9,"max_tokens":64,"stop":["\\n\\n"],"seed":42,
                 "tools":[{"type":"function","function":{"name":"wave"}}],
                 "messages":[{"role":"user","content":"Hi","name":"ana"},
                             {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function"}]},
                             {"role":"tool","tool_call_id":"call_1","content":"waved"}]}""";

        ChatCompletionRequest request = jsonMapper.readValue(json, ChatCompletionRequest.class);
        JsonNode forwarded = jsonMapper.valueToTree(request.withModel("gpt-4o-mini"));

        ObjectNode expected = (ObjectNode) jsonMapper.readTree(json);
        expected.put("model", "gpt-4o-mini");
        assertThat(forwarded).isEqualTo(expected);
    }

    @Test
    void leavesOutWhatTheClientLeftOut() {
        ChatCompletionRequest request = jsonMapper.readValue("""
                {"messages":[{"role":"user","content":"Hi"}]}""", ChatCompletionRequest.class);

        JsonNode forwarded = jsonMapper.valueToTree(request.withModel("llama3.2"));

        assertThat(forwarded.propertyNames()).containsExactlyInAnyOrder("model", "messages");
        assertThat(request.streaming()).isFalse();
    }

    @Test
    void acceptsContentAsAListOfParts() {
        ChatCompletionRequest request = jsonMapper.readValue("""
                {"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}""",
                ChatCompletionRequest.class);

        assertThat(validator.validate(request)).isEmpty();
    }

    @Test
    void rejectsAnUnknownRoleAndContentThatIsNeitherTextNorParts() {
        ChatCompletionRequest request = jsonMapper.readValue("""
                {"messages":[{"role":"wizard","content":42}]}""", ChatCompletionRequest.class);

        Set<ConstraintViolation<ChatCompletionRequest>> violations = validator.validate(request);

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("messages[0].role", "messages[0].content");
    }

    @Test
    void rejectsARequestWithoutMessagesAndOutOfRangeSampling() {
        ChatCompletionRequest request = jsonMapper.readValue("""
                {"messages":[],"temperature":3,"top_p":-0.1,"max_tokens":0}""", ChatCompletionRequest.class);

        Set<ConstraintViolation<ChatCompletionRequest>> violations = validator.validate(request);

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("messages", "temperature", "topP", "maxTokens");
    }
}
