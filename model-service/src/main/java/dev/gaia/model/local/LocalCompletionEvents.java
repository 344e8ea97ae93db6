package dev.gaia.model.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

import dev.gaia.model.local.LocalGeneration.End;
import dev.gaia.model.local.LocalGeneration.Failed;
import dev.gaia.model.local.LocalGeneration.Piece;
import dev.gaia.model.local.LocalGeneration.Text;
import dev.gaia.model.provider.ChunkedInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local model's answer as OpenAI's {@code chat.completion.chunk} server-sent events: one per
 * piece of text as it is generated, then one with the finish reason, one with the token usage when
 * asked for, and {@code data: [DONE]}. Closing it cancels the generation.
 */
final class LocalCompletionEvents extends ChunkedInputStream {

    private final LocalGeneration generation;
    private final ChunkTemplate template;
    private final boolean includeUsage;
    private boolean roleSent;
    private @Nullable End end;
    private boolean finished;

    LocalCompletionEvents(LocalGeneration generation, ChunkTemplate template, boolean includeUsage) {
        this.generation = generation;
        this.template = template;
        this.includeUsage = includeUsage;
    }

    /**
     * What every chunk of one answer shares.
     *
     * @param id the completion's id
     * @param created when it started, in seconds since the epoch
     * @param model the model as the caller named it
     * @param json the mapper that writes the events
     */
    record ChunkTemplate(String id, long created, String model, JsonMapper json) {

        ObjectNode chunk() {
            ObjectNode chunk = json.createObjectNode();
            chunk.put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
            return chunk;
        }
    }

    @Override
    protected byte @Nullable [] nextChunk() throws IOException {
        if (finished) {
            return null;
        }
        if (end != null) {
            finished = true;
            String usage = includeUsage ? event(usageChunk(end)) : "";
            return (usage + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
        }
        Piece piece;
        try {
            piece = generation.next();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Stopped waiting for the local model's next token");
        }
        return switch (piece) {
            case Text text -> event(deltaChunk(text.text())).getBytes(StandardCharsets.UTF_8);
            case End ended -> {
                end = ended;
                yield event(finishChunk(ended.cutOff() ? "length" : "stop")).getBytes(StandardCharsets.UTF_8);
            }
            case Failed failed -> throw new IOException("The local model failed while generating", failed.cause());
        };
    }

    @Override
    public void close() {
        generation.cancel();
    }

    private ObjectNode deltaChunk(String text) {
        ObjectNode chunk = template.chunk();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (!roleSent) {
            delta.put("role", "assistant");
            roleSent = true;
        }
        delta.put("content", text);
        choice.putNull("finish_reason");
        return chunk;
    }

    private ObjectNode finishChunk(String reason) {
        ObjectNode chunk = template.chunk();
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        return chunk;
    }

    private ObjectNode usageChunk(End ended) {
        ObjectNode chunk = template.chunk();
        chunk.putArray("choices");
        chunk.set("usage", LocalModelProvider.usage(template.json(), ended));
        return chunk;
    }

    private String event(ObjectNode chunk) {
        return "data: " + template.json().writeValueAsString(chunk) + "\n\n";
    }
}
