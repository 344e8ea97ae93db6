package dev.gaia.model.provider.anthropic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one streamed Messages API answer, event by event, into OpenAI's
 * {@code chat.completion.chunk} server-sent events: a role chunk at {@code message_start}, a
 * content chunk per {@code text_delta}, tool call chunks for {@code tool_use} blocks and their
 * {@code input_json_delta}s, the finish reason at {@code message_delta}, usage (when asked for)
 * and {@code [DONE]} at {@code message_stop}. An {@code error} event ends the stream with
 * OpenAI's in-stream error object and no {@code [DONE]}.
 */
final class AnthropicStreamTranslator {

    private static final String DONE = "data: [DONE]\n\n";

    private final JsonMapper jsonMapper;
    private final boolean includeUsage;
    private final long created = Instant.now().getEpochSecond();
    /** Anthropic numbers content blocks of every kind; OpenAI numbers tool calls only. */
    private final Map<Integer, Integer> toolCallByBlock = new HashMap<>();
    private String id = "";
    private String model = "";
    private int promptTokens;
    private int completionTokens;
    private boolean finished;

    AnthropicStreamTranslator(JsonMapper jsonMapper, boolean includeUsage) {
        this.jsonMapper = jsonMapper;
        this.includeUsage = includeUsage;
    }

    /** Whether the answer is over: {@code message_stop} or an {@code error} event arrived. */
    boolean finished() {
        return finished;
    }

    /** The OpenAI events, complete with their blank line, for one Anthropic event; none for most. */
    List<String> translate(String event, JsonNode data) {
        List<String> events = new ArrayList<>(2);
        switch (event) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                id = message.path("id").stringValue("");
                model = message.path("model").stringValue("");
                promptTokens = AnthropicTranslation.promptTokens(message.path("usage"));
                completionTokens = message.path("usage").path("output_tokens").asInt(0);
                events.add(chunk(jsonMapper.createObjectNode().put("role", "assistant").put("content", ""), null));
            }
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                String type = block.path("type").stringValue("");
                if (type.equals("tool_use")) {
                    int toolCall = toolCallByBlock.size();
                    toolCallByBlock.put(data.path("index").asInt(), toolCall);
                    ObjectNode call = jsonMapper.createObjectNode().put("index", toolCall)
                            .put("id", block.path("id").stringValue("")).put("type", "function");
                    call.putObject("function").put("name", block.path("name").stringValue("")).put("arguments", "");
                    events.add(toolCallChunk(call));
                }
                else if (type.equals("text") && !block.path("text").stringValue("").isEmpty()) {
                    events.add(content(block.path("text").stringValue("")));
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                switch (delta.path("type").stringValue("")) {
                    case "text_delta" -> events.add(content(delta.path("text").stringValue("")));
                    case "input_json_delta" -> {
                        Integer toolCall = toolCallByBlock.get(data.path("index").asInt());
                        String arguments = delta.path("partial_json").stringValue("");
                        if (toolCall != null && !arguments.isEmpty()) {
                            ObjectNode call = jsonMapper.createObjectNode().put("index", toolCall);
                            call.putObject("function").put("arguments", arguments);
                            events.add(toolCallChunk(call));
                        }
                    }
                    default -> {
                        // Thinking and signature deltas have no place in OpenAI's answer.
                    }
                }
            }
            case "message_delta" -> {
                JsonNode usage = data.path("usage");
                completionTokens = usage.path("output_tokens").asInt(completionTokens);
                if (usage.has("input_tokens")) {
                    promptTokens = AnthropicTranslation.promptTokens(usage);
                }
                String stopReason = data.path("delta").path("stop_reason").stringValue(null);
                events.add(chunk(jsonMapper.createObjectNode(), AnthropicTranslation.finishReason(stopReason)));
            }
            case "message_stop" -> {
                if (includeUsage) {
                    ObjectNode usageChunk = head();
                    usageChunk.putArray("choices");
                    usageChunk.set("usage", AnthropicTranslation.usage(jsonMapper, promptTokens, completionTokens));
                    events.add(event(usageChunk));
                }
                events.add(DONE);
                finished = true;
            }
            case "error" -> {
                JsonNode error = data.path("error");
                ObjectNode body = jsonMapper.createObjectNode();
                ObjectNode openAiError = body.putObject("error")
                        .put("message", "The model provider failed mid-answer: "
                                + error.path("message").stringValue("no reason given"))
                        .put("type", error.path("type").stringValue("api_error"));
                openAiError.putNull("param");
                openAiError.put("code", "model_provider_error");
                events.add(event(body));
                finished = true;
            }
            default -> {
                // ping, content_block_stop, and event types Anthropic may add later carry nothing to relay.
            }
        }
        return events;
    }

    private String content(String text) {
        return chunk(jsonMapper.createObjectNode().put("content", text), null);
    }

    private String toolCallChunk(ObjectNode call) {
        ObjectNode delta = jsonMapper.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private String chunk(ObjectNode delta, @Nullable String finishReason) {
        ObjectNode chunk = head();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        }
        else {
            choice.put("finish_reason", finishReason);
        }
        return event(chunk);
    }

    private ObjectNode head() {
        return jsonMapper.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", created).put("model", model);
    }

    private String event(JsonNode data) {
        return "data: " + jsonMapper.writeValueAsString(data) + "\n\n";
    }
}
