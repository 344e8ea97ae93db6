package dev.gaia.model.provider.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AnthropicTranslationTests {

    private static final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final AnthropicTranslation translation = new AnthropicTranslation(json);

    /** OpenAI request → the Messages API request Anthropic gets, with a default max_tokens of 1024. */
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("system messages become the top-level system, max_tokens the default",
                        """
                        {"model":"claude-x","messages":[{"role":"system","content":"You are Elena."},
                         {"role":"developer","content":[{"type":"text","text":"Stay in character."}]},
                         {"role":"user","content":"Hello"}]}""",
                        """
                        {"model":"claude-x","max_tokens":1024,"system":"You are Elena.\\n\\nStay in character.",
                         "messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}]}"""),
                Arguments.of("sampling, stop and the caller's max_tokens are kept; stop becomes stop_sequences",
                        """
                        {"model":"claude-x","max_tokens":50,"temperature":0.3,"top_p":0.9,"stop":"END",
                         "user":"player-7","seed":4,"messages":[{"role":"user","content":"Hi"}]}""",
                        """
                        {"model":"claude-x","max_tokens":50,"temperature":0.3,"top_p":0.9,"stop_sequences":["END"],
                         "metadata":{"user_id":"player-7"},
                         "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"""),
                Arguments.of("max_completion_tokens counts as max_tokens, a stop list stays a list, stream is kept",
                        """
                        {"model":"claude-x","max_completion_tokens":77,"stop":["a","b"],"stream":true,
                         "messages":[{"role":"user","content":"Hi"}]}""",
                        """
                        {"model":"claude-x","max_tokens":77,"stop_sequences":["a","b"],"stream":true,
                         "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"""),
                Arguments.of("tools, a forced tool, tool calls and tool results",
                        """
                        {"model":"claude-x","tool_choice":{"type":"function","function":{"name":"get_weather"}},
                         "parallel_tool_calls":false,
                         "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",
                                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}},
                                  {"type":"function","function":{"name":"wave"}}],
                         "messages":[{"role":"user","content":"Weather in Paris and Rome?"},
                          {"role":"assistant","content":"Looking.","tool_calls":[
                            {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                            {"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                          {"role":"tool","tool_call_id":"call_1","content":"Sunny"},
                          {"role":"tool","tool_call_id":"call_2","content":"Rain"},
                          {"role":"user","content":"Thanks"}]}""",
                        """
                        {"model":"claude-x","max_tokens":1024,
                         "messages":[{"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome?"}]},
                          {"role":"assistant","content":[{"type":"text","text":"Looking."},
                            {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
                            {"type":"tool_use","id":"call_2","name":"get_weather","input":{"city":"Rome"}}]},
                          {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"Sunny"},
                            {"type":"tool_result","tool_use_id":"call_2","content":"Rain"},
                            {"type":"text","text":"Thanks"}]}],
                         "tools":[{"name":"get_weather","description":"Weather now",
                                   "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}},
                                  {"name":"wave","input_schema":{"type":"object","properties":{}}}],
                         "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true}}"""),
                Arguments.of("tool_choice required is any, none is none",
                        """
                        {"model":"claude-x","tool_choice":"required","tools":[{"type":"function","function":{"name":"wave"}}],
                         "messages":[{"role":"user","content":"Wave"}]}""",
                        """
                        {"model":"claude-x","max_tokens":1024,
                         "messages":[{"role":"user","content":[{"type":"text","text":"Wave"}]}],
                         "tools":[{"name":"wave","input_schema":{"type":"object","properties":{}}}],
                         "tool_choice":{"type":"any"}}"""),
                Arguments.of("images by URL and inline data; an assistant message with no content is left out",
                        """
                        {"model":"claude-x","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
                          {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}},
                          {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
                          {"role":"assistant","content":""}]}""",
                        """
                        {"model":"claude-x","max_tokens":1024,"messages":[{"role":"user","content":[
                          {"type":"text","text":"What is this?"},
                          {"type":"image","source":{"type":"url","url":"https://example.com/cat.png"}},
                          {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void translatesRequests(String description, String openAiRequest, String anthropicRequest) {
        JsonNode translated = translation.toMessagesRequest(request(openAiRequest), 1024);

        assertThat(translated).isEqualTo(json.readTree(anthropicRequest));
    }

    @ParameterizedTest(name = "stop_reason {0} → finish_reason {1}")
    @CsvSource({ "end_turn, stop", "stop_sequence, stop", "max_tokens, length", "tool_use, tool_calls",
            "refusal, content_filter", "pause_turn, stop" })
    void translatesStopReasons(String stopReason, String finishReason) {
        JsonNode completion = translation.toChatCompletion(json.readTree("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-x",
                 "content":[{"type":"text","text":"Hi"}],"stop_reason":"%s","usage":{"input_tokens":3,"output_tokens":1}}"""
                .formatted(stopReason)));

        assertThat(completion.at("/choices/0/finish_reason").stringValue()).isEqualTo(finishReason);
    }

    @Test
    void translatesAWholeAnswerWithTextToolCallsAndUsage() {
        JsonNode completion = translation.toChatCompletion(json.readTree("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-x",
                 "content":[{"type":"thinking","thinking":"hmm","signature":"x"},{"type":"text","text":"Checking."},
                            {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":10,"cache_creation_input_tokens":5,"cache_read_input_tokens":20,"output_tokens":7}}"""));

        assertThat(completion.path("object").stringValue()).isEqualTo("chat.completion");
        assertThat(completion.path("id").stringValue()).isEqualTo("msg_1");
        assertThat(completion.path("model").stringValue()).isEqualTo("claude-x");
        JsonNode message = completion.at("/choices/0/message");
        assertThat(message.path("role").stringValue()).isEqualTo("assistant");
        assertThat(message.path("content").stringValue()).isEqualTo("Checking.");
        assertThat(message.at("/tool_calls/0/id").stringValue()).isEqualTo("toolu_1");
        assertThat(message.at("/tool_calls/0/type").stringValue()).isEqualTo("function");
        assertThat(message.at("/tool_calls/0/function/name").stringValue()).isEqualTo("get_weather");
        assertThat(json.readTree(message.at("/tool_calls/0/function/arguments").stringValue()))
                .isEqualTo(json.readTree("{\"city\":\"Paris\"}"));
        assertThat(completion.at("/choices/0/finish_reason").stringValue()).isEqualTo("tool_calls");
        assertThat(completion.path("usage")).isEqualTo(json.readTree(
                "{\"prompt_tokens\":35,\"completion_tokens\":7,\"total_tokens\":42}"));
    }

    @Test
    void translatesAStreamEventByEvent() {
        AnthropicStreamTranslator stream = new AnthropicStreamTranslator(json, true);
        List<String> events = new ArrayList<>();
        events.addAll(stream.translate("message_start", json.readTree("""
                {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],
                 "model":"claude-x","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}}""")));
        events.addAll(stream.translate("content_block_start", json.readTree("""
                {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""")));
        events.addAll(stream.translate("ping", json.readTree("{\"type\":\"ping\"}")));
        events.addAll(stream.translate("content_block_delta", json.readTree("""
                {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check"}}""")));
        events.addAll(stream.translate("content_block_stop",
                json.readTree("{\"type\":\"content_block_stop\",\"index\":0}")));
        events.addAll(stream.translate("content_block_start", json.readTree("""
                {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1",
                 "name":"get_weather","input":{}}}""")));
        events.addAll(stream.translate("content_block_delta", json.readTree("""
                {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}""")));
        events.addAll(stream.translate("content_block_delta", json.readTree("""
                {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\":"}}""")));
        events.addAll(stream.translate("content_block_delta", json.readTree("""
                {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \\"Paris\\"}"}}""")));
        events.addAll(stream.translate("message_delta", json.readTree("""
                {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":15}}""")));
        assertThat(stream.finished()).isFalse();
        events.addAll(stream.translate("message_stop", json.readTree("{\"type\":\"message_stop\"}")));

        assertThat(stream.finished()).isTrue();
        assertThat(events).allSatisfy(event -> assertThat(event).startsWith("data: ").endsWith("\n\n"));
        assertThat(events.getLast()).isEqualTo("data: [DONE]\n\n");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream()
                .map(event -> json.readTree(event.substring("data: ".length()))).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").stringValue()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").stringValue()).isEqualTo("msg_1");
            assertThat(chunk.path("model").stringValue()).isEqualTo("claude-x");
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
        assertThat(chunks.get(1).at("/choices/0/delta/content").stringValue()).isEqualTo("Let me check");
        JsonNode toolCallStart = chunks.get(2).at("/choices/0/delta/tool_calls/0");
        assertThat(toolCallStart.path("index").asInt()).isZero();
        assertThat(toolCallStart.path("id").stringValue()).isEqualTo("toolu_1");
        assertThat(toolCallStart.at("/function/name").stringValue()).isEqualTo("get_weather");
        assertThat(chunks.get(3).at("/choices/0/delta/tool_calls/0/function/arguments").stringValue()
                + chunks.get(4).at("/choices/0/delta/tool_calls/0/function/arguments").stringValue())
                .isEqualTo("{\"city\": \"Paris\"}");
        assertThat(chunks.get(5).at("/choices/0/finish_reason").stringValue()).isEqualTo("tool_calls");
        assertThat(chunks.get(6).path("choices").isEmpty()).isTrue();
        assertThat(chunks.get(6).path("usage")).isEqualTo(json.readTree(
                "{\"prompt_tokens\":25,\"completion_tokens\":15,\"total_tokens\":40}"));
        assertThat(chunks).hasSize(7);
    }

    @Test
    void endsAStreamWithOpenAisErrorObjectWhenAnthropicSendsAnError() {
        AnthropicStreamTranslator stream = new AnthropicStreamTranslator(json, false);

        List<String> events = stream.translate("error", json.readTree("""
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));

        assertThat(stream.finished()).isTrue();
        assertThat(events).singleElement().satisfies(event -> {
            JsonNode error = json.readTree(event.substring("data: ".length())).path("error");
            assertThat(error.path("message").stringValue()).contains("Overloaded");
            assertThat(error.path("type").stringValue()).isEqualTo("overloaded_error");
            assertThat(error.path("code").stringValue()).isEqualTo("model_provider_error");
        });
    }

    @Test
    void refusesWhatAnthropicCannotTakeAsTheCallersProblem() {
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> translation.toMessagesRequest(request("""
                {"model":"claude-x","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]}"""),
                1024)).satisfies(
                        problem -> assertThat(problem.code()).isEqualTo(AnthropicTranslation.NOT_TRANSLATABLE));
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> translation.toMessagesRequest(request("""
                {"model":"claude-x","messages":[{"role":"system","content":"Only a system prompt"}]}"""), 1024))
                .satisfies(problem -> assertThat(problem.status().value()).isEqualTo(400));
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> translation.toMessagesRequest(request("""
                {"model":"claude-x","messages":[{"role":"tool","content":"Sunny"}]}"""), 1024))
                .satisfies(problem -> assertThat(problem.getMessage()).contains("tool_call_id"));
    }

    private static ChatCompletionRequest request(String body) {
        return json.readValue(body, ChatCompletionRequest.class);
    }
}
