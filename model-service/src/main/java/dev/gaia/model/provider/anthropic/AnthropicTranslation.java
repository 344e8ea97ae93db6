package dev.gaia.model.provider.anthropic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.openai.ChatMessage;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Chat Completions format to Anthropic's Messages API and back: system messages
 * become the top-level {@code system}, tool calls become {@code tool_use} blocks and tool
 * answers {@code tool_result} blocks, and Anthropic's stop reasons and usage become OpenAI's.
 */
final class AnthropicTranslation {

    /** A request that cannot be said in Anthropic's format is the caller's to fix. */
    static final String NOT_TRANSLATABLE = "model_request_not_translatable";

    private final JsonMapper jsonMapper;

    AnthropicTranslation(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The Messages API request for an OpenAI chat completion request. */
    ObjectNode toMessagesRequest(ChatCompletionRequest request, int defaultMaxTokens) {
        ObjectNode body = jsonMapper.createObjectNode();
        body.put("model", request.model());
        body.put("max_tokens", maxTokens(request, defaultMaxTokens));
        String system = systemPrompt(request.messages());
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        body.set("messages", messages(request.messages()));
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        ArrayNode stopSequences = stopSequences(request.stop());
        if (!stopSequences.isEmpty()) {
            body.set("stop_sequences", stopSequences);
        }
        Map<String, JsonNode> extensions = request.extensions();
        JsonNode tools = extensions.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            body.set("tools", tools(tools));
            JsonNode toolChoice = toolChoice(extensions.get("tool_choice"), extensions.get("parallel_tool_calls"));
            if (toolChoice != null) {
                body.set("tool_choice", toolChoice);
            }
        }
        JsonNode user = extensions.get("user");
        if (user != null && user.isString()) {
            body.putObject("metadata").put("user_id", user.stringValue());
        }
        if (request.streaming()) {
            body.put("stream", true);
        }
        return body;
    }

    /** The {@code chat.completion} for a Messages API answer that was not streamed. */
    ObjectNode toChatCompletion(JsonNode message) {
        ObjectNode completion = jsonMapper.createObjectNode()
                .put("id", message.path("id").stringValue(""))
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", message.path("model").stringValue(""));
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode answer = choice.putObject("message").put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = jsonMapper.createArrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").stringValue("")) {
                case "text" -> text.append(block.path("text").stringValue(""));
                case "tool_use" -> toolCalls.add(toolCall(block));
                default -> {
                    // Thinking and server-tool blocks have no place in OpenAI's answer.
                }
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            answer.putNull("content");
        }
        else {
            answer.put("content", text.toString());
        }
        answer.putNull("refusal");
        if (!toolCalls.isEmpty()) {
            answer.set("tool_calls", toolCalls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(message.path("stop_reason").stringValue(null)));
        completion.set("usage", usage(jsonMapper, promptTokens(message.path("usage")),
                message.path("usage").path("output_tokens").asInt(0)));
        return completion;
    }

    /** OpenAI's {@code finish_reason} for Anthropic's {@code stop_reason}. */
    static String finishReason(@Nullable String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** The prompt's tokens: Anthropic counts tokens read from and written to its prompt cache apart. */
    static int promptTokens(JsonNode usage) {
        return usage.path("input_tokens").asInt(0) + usage.path("cache_creation_input_tokens").asInt(0)
                + usage.path("cache_read_input_tokens").asInt(0);
    }

    /** OpenAI's {@code usage} object. */
    static ObjectNode usage(JsonMapper jsonMapper, int promptTokens, int completionTokens) {
        return jsonMapper.createObjectNode()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private ObjectNode toolCall(JsonNode toolUse) {
        ObjectNode call = jsonMapper.createObjectNode()
                .put("id", toolUse.path("id").stringValue(""))
                .put("type", "function");
        JsonNode input = toolUse.path("input");
        call.putObject("function")
                .put("name", toolUse.path("name").stringValue(""))
                .put("arguments", input.isMissingNode() ? "{}" : jsonMapper.writeValueAsString(input));
        return call;
    }

    private static int maxTokens(ChatCompletionRequest request, int defaultMaxTokens) {
        if (request.maxTokens() != null) {
            return request.maxTokens();
        }
        JsonNode maxCompletionTokens = request.extensions().get("max_completion_tokens");
        if (maxCompletionTokens != null && maxCompletionTokens.isIntegralNumber() && maxCompletionTokens.asInt() > 0) {
            return maxCompletionTokens.asInt();
        }
        return defaultMaxTokens;
    }

    /** Anthropic takes one system prompt beside the messages; OpenAI's system and developer messages join it. */
    private static String systemPrompt(List<ChatMessage> messages) {
        List<String> parts = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.instructs()) {
                String text = message.text();
                if (!text.isBlank()) {
                    parts.add(text);
                }
            }
        }
        return String.join("\n\n", parts);
    }

    /**
     * The conversation without its system messages, as alternating user and assistant turns:
     * Anthropic wants tool results in a user turn, and consecutive turns of one role merged.
     */
    private ArrayNode messages(List<ChatMessage> messages) {
        ArrayNode turns = jsonMapper.createArrayNode();
        String lastRole = null;
        ArrayNode lastContent = null;
        for (ChatMessage message : messages) {
            if (message.instructs()) {
                continue;
            }
            String role = message.role().equals("assistant") ? "assistant" : "user";
            ArrayNode blocks = blocks(message);
            if (blocks.isEmpty()) {
                continue;
            }
            if (role.equals(lastRole)) {
                lastContent.addAll(blocks);
                continue;
            }
            ObjectNode turn = turns.addObject().put("role", role);
            lastContent = turn.putArray("content");
            lastContent.addAll(blocks);
            lastRole = role;
        }
        if (turns.isEmpty()) {
            throw ProblemException.badRequest(NOT_TRANSLATABLE,
                    "Anthropic needs at least one user or assistant message besides the system messages.");
        }
        return turns;
    }

    private ArrayNode blocks(ChatMessage message) {
        ArrayNode blocks = jsonMapper.createArrayNode();
        if (message.role().equals("tool")) {
            JsonNode toolCallId = message.extensions().get("tool_call_id");
            if (toolCallId == null || !toolCallId.isString()) {
                throw ProblemException.badRequest(NOT_TRANSLATABLE,
                        "A message of role 'tool' needs the 'tool_call_id' of the tool call it answers.");
            }
            blocks.addObject().put("type", "tool_result")
                    .put("tool_use_id", toolCallId.stringValue())
                    .put("content", message.text());
            return blocks;
        }
        addContent(blocks, message.content());
        if (message.role().equals("assistant")) {
            JsonNode toolCalls = message.extensions().get("tool_calls");
            if (toolCalls != null && toolCalls.isArray()) {
                for (JsonNode call : toolCalls) {
                    blocks.add(toolUse(call));
                }
            }
        }
        return blocks;
    }

    private void addContent(ArrayNode blocks, @Nullable JsonNode content) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isString()) {
            if (!content.stringValue().isEmpty()) {
                blocks.addObject().put("type", "text").put("text", content.stringValue());
            }
            return;
        }
        for (JsonNode part : content) {
            switch (part.path("type").stringValue("")) {
                case "text" -> {
                    String text = part.path("text").stringValue("");
                    if (!text.isEmpty()) {
                        blocks.addObject().put("type", "text").put("text", text);
                    }
                }
                case "image_url" -> blocks.add(image(part.path("image_url").path("url").stringValue("")));
                default -> throw ProblemException.badRequest(NOT_TRANSLATABLE, "Content parts of type '"
                        + part.path("type").stringValue("") + "' cannot be sent to Anthropic: only text and"
                        + " image_url parts can.");
            }
        }
    }

    /** An image block: inline when the URL is a base64 data URL, by reference otherwise. */
    private ObjectNode image(String url) {
        ObjectNode image = jsonMapper.createObjectNode().put("type", "image");
        ObjectNode source = image.putObject("source");
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring("data:".length(), comma);
            if (!header.endsWith(";base64")) {
                throw ProblemException.badRequest(NOT_TRANSLATABLE,
                        "An image data URL must be base64-encoded (data:image/png;base64,...).");
            }
            source.put("type", "base64")
                    .put("media_type", header.substring(0, header.length() - ";base64".length()))
                    .put("data", url.substring(comma + 1));
        }
        else if (url.startsWith("https://") || url.startsWith("http://")) {
            source.put("type", "url").put("url", url);
        }
        else {
            throw ProblemException.badRequest(NOT_TRANSLATABLE,
                    "An image_url must be an http(s) URL or a base64 data URL.");
        }
        return image;
    }

    private ObjectNode toolUse(JsonNode call) {
        JsonNode function = call.path("function");
        String arguments = function.path("arguments").stringValue("");
        JsonNode input;
        try {
            input = arguments.isBlank() ? jsonMapper.createObjectNode() : jsonMapper.readTree(arguments);
        }
        catch (JacksonException ex) {
            input = null;
        }
        if (input == null || !input.isObject()) {
            throw ProblemException.badRequest(NOT_TRANSLATABLE, "The arguments of tool call '"
                    + call.path("id").stringValue("") + "' must be a JSON object, as the model produced them.");
        }
        ObjectNode toolUse = jsonMapper.createObjectNode()
                .put("type", "tool_use")
                .put("id", call.path("id").stringValue(""))
                .put("name", function.path("name").stringValue(""));
        toolUse.set("input", input);
        return toolUse;
    }

    private ArrayNode tools(JsonNode tools) {
        ArrayNode translated = jsonMapper.createArrayNode();
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            if (!tool.path("type").stringValue("function").equals("function") || !function.path("name").isString()) {
                throw ProblemException.badRequest(NOT_TRANSLATABLE,
                        "Only tools of type 'function' with a name can be sent to Anthropic.");
            }
            ObjectNode anthropicTool = translated.addObject().put("name", function.path("name").stringValue());
            if (function.path("description").isString()) {
                anthropicTool.put("description", function.path("description").stringValue());
            }
            JsonNode parameters = function.path("parameters");
            if (parameters.isObject()) {
                anthropicTool.set("input_schema", parameters);
            }
            else {
                anthropicTool.putObject("input_schema").put("type", "object").putObject("properties");
            }
        }
        return translated;
    }

    private @Nullable ObjectNode toolChoice(@Nullable JsonNode choice, @Nullable JsonNode parallelToolCalls) {
        ObjectNode translated = jsonMapper.createObjectNode();
        if (choice == null || choice.isNull()) {
            if (parallelToolCalls == null || !parallelToolCalls.isBoolean() || parallelToolCalls.booleanValue()) {
                return null;
            }
            translated.put("type", "auto");
        }
        else if (choice.isString()) {
            switch (choice.stringValue()) {
                case "none" -> {
                    return translated.put("type", "none");
                }
                case "required" -> translated.put("type", "any");
                default -> translated.put("type", "auto");
            }
        }
        else {
            translated.put("type", "tool").put("name", choice.path("function").path("name").stringValue(""));
        }
        if (parallelToolCalls != null && parallelToolCalls.isBoolean() && !parallelToolCalls.booleanValue()) {
            translated.put("disable_parallel_tool_use", true);
        }
        return translated;
    }

    private ArrayNode stopSequences(@Nullable JsonNode stop) {
        ArrayNode sequences = jsonMapper.createArrayNode();
        if (stop == null || stop.isNull()) {
            return sequences;
        }
        if (stop.isString()) {
            sequences.add(stop.stringValue());
            return sequences;
        }
        for (JsonNode sequence : stop) {
            if (!sequence.isString()) {
                throw ProblemException.badRequest(NOT_TRANSLATABLE, "'stop' must be a string or a list of strings.");
            }
            sequences.add(sequence.stringValue());
        }
        return sequences;
    }
}
