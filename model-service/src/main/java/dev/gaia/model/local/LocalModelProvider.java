package dev.gaia.model.local;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.gaia.model.local.LocalGeneration.End;
import dev.gaia.model.local.LocalGeneration.Failed;
import dev.gaia.model.local.LocalGeneration.Piece;
import dev.gaia.model.local.LocalGeneration.Text;
import dev.gaia.model.local.LocalModel.GenerationSettings;
import dev.gaia.model.local.LocalModelFiles.ModelFile;
import dev.gaia.model.openai.ChatCompletionRequest;
import dev.gaia.model.provider.ChatProvider;
import dev.gaia.model.provider.ProviderFailures;
import dev.gaia.model.provider.UpstreamStream;
import dev.gaia.shared.problem.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The GGUF files of the models folder as a provider: a request naming {@code local/<file>} is
 * answered by that model in this process, loaded (and others swapped out) on demand by the
 * {@link LocalModelPool pool}.
 */
@Component
public class LocalModelProvider implements ChatProvider, AutoCloseable {

    /** The provider's name, the prefix of its models' names. */
    public static final String NAME = "local";

    private static final float DEFAULT_TEMPERATURE = 0.8f;
    private static final float DEFAULT_TOP_P = 0.95f;

    private final LocalModelFiles files;
    private final LocalModelPool pool;
    private final LocalModelProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public LocalModelProvider(LocalModelProperties properties, JsonMapper json) {
        this.files = new LocalModelFiles(properties);
        this.properties = properties;
        this.json = json;
        this.clock = Clock.systemUTC();
        this.pool = new LocalModelPool(properties, LocalModel::load, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode complete(ChatCompletionRequest request) {
        Started started = start(request);
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                Piece piece = started.generation().next();
                switch (piece) {
                    case Text generated -> text.append(generated.text());
                    case Failed failed -> throw ProviderFailures.brokenAnswer(
                            new IOException("The local model failed while generating", failed.cause()));
                    case End end -> {
                        return completion(started, text.toString(), end);
                    }
                }
            }
        }
        catch (InterruptedException ex) {
            started.generation().cancel();
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("model_service_shutting_down",
                    "model-service stopped while the local model was answering; retry it.");
        }
    }

    @Override
    public UpstreamStream stream(ChatCompletionRequest request) {
        Started started = start(request);
        LocalCompletionEvents events = new LocalCompletionEvents(started.generation(),
                new LocalCompletionEvents.ChunkTemplate(started.id(), started.created(), started.model(), json),
                request.usageRequested());
        return UpstreamStream.generated(events, started.generation()::cancel);
    }

    /** The models folder's files. */
    LocalModelFiles files() {
        return files;
    }

    /** What is in memory and who waits for it. */
    LocalModelPool pool() {
        return pool;
    }

    /** The OpenAI {@code usage} object of a local answer. */
    static ObjectNode usage(JsonMapper json, End end) {
        return json.createObjectNode()
                .put("prompt_tokens", end.promptTokens())
                .put("completion_tokens", end.completionTokens())
                .put("total_tokens", end.promptTokens() + end.completionTokens());
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A generation under way and what its answer is called. */
    private record Started(LocalGeneration generation, String id, long created, String model) {
    }

    private Started start(ChatCompletionRequest request) {
        ModelFile file = files.resolve(request.model() == null ? "" : request.model());
        LocalModelPool.Lease lease = pool.acquire(file);
        try {
            LocalModel model = lease.model();
            String prompt = model.prompt(request.messages());
            LocalGeneration generation = model.generate(prompt, settings(request), lease::release);
            return new Started(generation, "chatcmpl-" + UUID.randomUUID(), clock.instant().getEpochSecond(),
                    NAME + "/" + file.name());
        }
        catch (RuntimeException ex) {
            lease.release(0, 0);
            throw ex;
        }
    }

    private GenerationSettings settings(ChatCompletionRequest request) {
        List<String> stop = new ArrayList<>();
        if (request.stop() != null && request.stop().isString()) {
            stop.add(request.stop().stringValue());
        }
        else if (request.stop() != null && request.stop().isArray()) {
            request.stop().forEach(entry -> stop.add(entry.asString()));
        }
        JsonNode seed = request.extensions().get("seed");
        return new GenerationSettings(
                request.maxTokens() != null ? request.maxTokens() : properties.defaultMaxTokens(),
                request.temperature() != null ? request.temperature().floatValue() : DEFAULT_TEMPERATURE,
                request.topP() != null ? request.topP().floatValue() : DEFAULT_TOP_P,
                stop,
                seed != null && seed.canConvertToInt() ? seed.intValue() : null);
    }

    private ObjectNode completion(Started started, String text, End end) {
        ObjectNode completion = json.createObjectNode()
                .put("id", started.id())
                .put("object", "chat.completion")
                .put("created", started.created())
                .put("model", started.model());
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", end.cutOff() ? "length" : "stop");
        completion.set("usage", usage(json, end));
        return completion;
    }
}
