package dev.gaia.model.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

import dev.gaia.model.routing.ModelRouter;
import dev.gaia.model.usage.CallContext;
import dev.gaia.model.usage.ModelCallMeter;
import dev.gaia.model.usage.TokenUsage;
import dev.gaia.model.usage.UsageRecorder;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Turns texts into vectors: checks the request, answers what the cache holds, sends the rest
 * to the model in batches of at most {@link EmbeddingProperties#batchSize()} texts, and says
 * which model and dimension the vectors are of.
 */
@Service
class EmbeddingService {

    /** Inputs one request may carry. */
    static final int MAX_INPUTS = 256;

    /** Characters one input may have. */
    static final int MAX_INPUT_CHARS = 8192;

    private final EmbeddingModels models;
    private final EmbeddingCache cache;
    private final UsageRecorder usage;
    private final int batchSize;

    EmbeddingService(EmbeddingModels models, EmbeddingCache cache, UsageRecorder usage,
            EmbeddingProperties properties) {
        this.models = models;
        this.cache = cache;
        this.usage = usage;
        this.batchSize = properties.batchSize();
    }

    /**
     * Answers an OpenAI embeddings request, recorded in the usage of the caller's game like every
     * model call (a priced provider's model is refused once the game's budget is spent).
     */
    EmbeddingsResponse embed(GaiaPrincipal caller, @Nullable UUID npcId, CreateEmbeddingsRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        List<String> texts = inputsOf(request.input(), errors);
        boolean base64 = base64(request.encodingFormat(), errors);
        if (request.dimensions() != null && request.dimensions() <= 0) {
            errors.add(fieldError("dimensions", "must be a positive number"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", "The request is invalid: see errors.",
                    Map.of("errors", errors), HttpHeaders.EMPTY);
        }
        Embedder model = models.resolve(request.model());
        OptionalInt dimensions = request.dimensions() == null ? OptionalInt.empty() : OptionalInt.of(request.dimensions());

        Result result = metered(model, caller, npcId, () -> vectors(model, texts, dimensions));
        List<EmbeddingsResponse.Item> data = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = result.vectors().get(i);
            data.add(new EmbeddingsResponse.Item("embedding", i, base64 ? toBase64(vector) : vector));
        }
        return new EmbeddingsResponse("list", data, model.id(), result.vectors().getFirst().length,
                new EmbeddingsResponse.Usage(result.promptTokens(), result.promptTokens()));
    }

    private Result metered(Embedder model, GaiaPrincipal caller, @Nullable UUID npcId, Supplier<Result> embedding) {
        int slash = model.id().indexOf('/');
        try (ModelCallMeter meter = usage.start(CallContext.of(caller, npcId, ModelRouter.EMBEDDING_ROLE,
                model.id().substring(0, slash), model.id().substring(slash + 1)))) {
            try {
                Result result = embedding.get();
                meter.tokens(TokenUsage.of(result.promptTokens(), 0));
                meter.succeeded();
                return result;
            }
            catch (ProblemException ex) {
                meter.failed(ex.code());
                throw ex;
            }
        }
    }

    /** The vector of every text, in order, from the cache where it holds them and from the model otherwise. */
    Result vectors(Embedder model, List<String> texts, OptionalInt dimensions) {
        int dimensionKey = dimensions.orElse(0);
        float[][] vectors = new float[texts.size()][];
        // Texts the cache lacks, each once however often the request repeats it: key → positions.
        Map<EmbeddingCache.Key, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            EmbeddingCache.Key key = EmbeddingCache.keyOf(model.id(), dimensionKey, texts.get(i));
            float[] cached = cache.get(key);
            if (cached != null) {
                vectors[i] = cached;
            }
            else {
                missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        int promptTokens = 0;
        List<Map.Entry<EmbeddingCache.Key, List<Integer>>> pending = List.copyOf(missing.entrySet());
        for (int from = 0; from < pending.size(); from += batchSize) {
            List<Map.Entry<EmbeddingCache.Key, List<Integer>>> batch =
                    pending.subList(from, Math.min(from + batchSize, pending.size()));
            Embedder.Embeddings computed = model.embed(
                    batch.stream().map(entry -> texts.get(entry.getValue().getFirst())).toList(), dimensions);
            promptTokens += computed.promptTokens();
            for (int j = 0; j < batch.size(); j++) {
                float[] vector = computed.vectors().get(j);
                cache.put(batch.get(j).getKey(), vector);
                for (int position : batch.get(j).getValue()) {
                    vectors[position] = vector;
                }
            }
        }
        return new Result(List.of(vectors), promptTokens);
    }

    private static List<String> inputsOf(@Nullable JsonNode input, List<Map<String, String>> errors) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            errors.add(fieldError("input", "is required: a string or an array of strings"));
            return List.of();
        }
        if (input.isString()) {
            checkText("input", input.stringValue(), errors);
            return List.of(input.stringValue());
        }
        if (!input.isArray()) {
            errors.add(fieldError("input", "must be a string or an array of strings"));
            return List.of();
        }
        if (input.isEmpty()) {
            errors.add(fieldError("input", "must hold at least one text"));
            return List.of();
        }
        if (input.size() > MAX_INPUTS) {
            errors.add(fieldError("input", "holds " + input.size() + " texts; at most " + MAX_INPUTS
                    + " fit in one request"));
            return List.of();
        }
        List<String> texts = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            JsonNode element = input.get(i);
            String field = "input[" + i + "]";
            if (!element.isString()) {
                errors.add(fieldError(field, "must be a string (token arrays are not accepted)"));
            }
            else {
                checkText(field, element.stringValue(), errors);
                texts.add(element.stringValue());
            }
        }
        return texts;
    }

    private static void checkText(String field, String text, List<Map<String, String>> errors) {
        if (text.isBlank()) {
            errors.add(fieldError(field, "must not be empty"));
        }
        else if (text.length() > MAX_INPUT_CHARS) {
            errors.add(fieldError(field, "has " + text.length() + " characters; at most " + MAX_INPUT_CHARS
                    + " are accepted"));
        }
    }

    private static boolean base64(@Nullable String encodingFormat, List<Map<String, String>> errors) {
        if (encodingFormat == null) {
            return false;
        }
        return switch (encodingFormat.strip().toLowerCase(Locale.ROOT)) {
            case "float" -> false;
            case "base64" -> true;
            default -> {
                errors.add(fieldError("encoding_format", "must be 'float' or 'base64'"));
                yield false;
            }
        };
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** OpenAI's base64 encoding: the vector's float32 values, little-endian. */
    private static String toBase64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * @param vectors one per text, in order
     * @param promptTokens the tokens the model read; cached texts cost none
     */
    record Result(List<float[]> vectors, int promptTokens) {
    }
}
