package dev.gaia.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which in-process embedding model finds LoCoMo's evidence turns best: Recall@5/10/25/50,
 * overall and per category, for bge-small-en-v1.5 (full precision, Gaia's int8 build that
 * model-service ships, and langchain4j's int8 build) and all-MiniLM-L6-v2, plus how fast each
 * embeds on this machine. Writes {@code embedding-models.json} and {@code .md}.
 *
 * <p>Arguments: {@code [locomo-dev.json] [results directory]}, by default
 * {@code ../shared/data/locomo/locomo-dev.json} and {@code bench/results}.
 */
public final class EmbeddingModelComparison {

    private static final int[] KS = { 5, 10, 25, 50 };
    private static final int LATENCY_QUERIES = 100;

    private EmbeddingModelComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(args.length > 0 ? args[0] : "../shared/data/locomo/locomo-dev.json");
        Path results = Path.of(args.length > 1 ? args[1] : "bench/results");
        if (!Files.isRegularFile(dataset)) {
            throw new IllegalArgumentException("No LoCoMo file at " + dataset.toAbsolutePath()
                    + ": pass its path as the first argument");
        }
        List<LoCoMo.Conversation> conversations = LoCoMo.read(dataset);
        int questions = conversations.stream().mapToInt(c -> c.questions().size()).sum();
        int turns = conversations.stream().mapToInt(c -> c.turns().size()).sum();
        System.err.printf(Locale.ROOT, "LoCoMo: %d conversations, %d turns, %d questions%n", conversations.size(),
                turns, questions);

        Map<String, Supplier<EmbeddingModel>> candidates = new LinkedHashMap<>();
        candidates.put("bge-small-en-v1.5", BgeSmallEnV15EmbeddingModel::new);
        candidates.put("bge-small-en-v1.5 (Gaia's int8 build)", EmbeddingModelComparison::gaiaInt8Build);
        candidates.put("bge-small-en-v1.5 (langchain4j's int8 build)", BgeSmallEnV15QuantizedEmbeddingModel::new);
        candidates.put("all-MiniLM-L6-v2", AllMiniLmL6V2EmbeddingModel::new);
        List<ModelResult> measured = new ArrayList<>();
        for (Map.Entry<String, Supplier<EmbeddingModel>> candidate : candidates.entrySet()) {
            System.err.println("embedding with " + candidate.getKey() + " ...");
            measured.add(measure(candidate.getKey(), candidate.getValue().get(), conversations));
        }

        JsonMapper json = JsonMapper.shared();
        ObjectNode report = json.createObjectNode();
        report.put("dataset", dataset.toString()).put("conversations", conversations.size()).put("turns", turns)
                .put("questions", questions)
                .put("dropped_evidence_ids", String.join(" ", conversations.stream()
                        .flatMap(c -> c.droppedEvidence().stream().map(id -> c.id() + ":" + id)).toList()))
                .put("protocol", "one memory per dialogue turn ('speaker: text [image: blip_caption]'), each question"
                        + " ranked by cosine similarity against its own conversation only; Recall@k = share of a"
                        + " question's evidence turns in the top k, averaged over questions");
        ArrayNode models = report.putArray("models");
        for (ModelResult result : measured) {
            ObjectNode model = models.addObject().put("model", result.model()).put("dimensions", result.dimensions())
                    .put("embed_seconds", round(result.embedSeconds()))
                    .put("sentences_per_second", round(result.sentencesPerSecond()))
                    .put("query_p50_ms", round(result.queryP50Ms()));
            model.set("recall", json.valueToTree(result.recall()));
        }
        Files.createDirectories(results);
        Files.writeString(results.resolve("embedding-models.json"), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(report) + "\n");
        String markdown = markdown(measured, conversations.size(), turns, questions);
        Files.writeString(results.resolve("embedding-models.md"), markdown);
        System.out.print(markdown);
    }

    /**
     * The int8 build of module {@code embedding-model}, with the tokenizer of langchain4j's
     * bge-small artifact; langchain4j reads both from files, so they are copied out of the classpath.
     */
    private static EmbeddingModel gaiaInt8Build() {
        try {
            return new OnnxEmbeddingModel(copyOfResource("gaia/embedding/bge-small-en-v1.5-int8-fused.onnx"),
                    copyOfResource("bge-small-en-v1.5-tokenizer.json"), PoolingMode.CLS);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path copyOfResource(String name) throws IOException {
        Path file = Files.createTempFile("gaia-bench-", "-" + Path.of(name).getFileName());
        file.toFile().deleteOnExit();
        try (InputStream in = EmbeddingModelComparison.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the classpath");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static ModelResult measure(String name, EmbeddingModel model, List<LoCoMo.Conversation> conversations) {
        Map<String, Map<String, Double>> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        long embedNanos = 0;
        int sentences = 0;
        int dimensions = 0;
        for (LoCoMo.Conversation conversation : conversations) {
            long start = System.nanoTime();
            float[][] memories = embed(model, conversation.turns().stream().map(LoCoMo.Turn::text).toList());
            float[][] queries = embed(model, conversation.questions().stream().map(LoCoMo.Question::text).toList());
            embedNanos += System.nanoTime() - start;
            sentences += memories.length + queries.length;
            dimensions = memories[0].length;
            for (int q = 0; q < queries.length; q++) {
                LoCoMo.Question question = conversation.questions().get(q);
                float[] query = queries[q];
                Integer[] ranking = IntStream.range(0, memories.length).boxed().toArray(Integer[]::new);
                double[] scores = Arrays.stream(memories).mapToDouble(memory -> dot(query, memory)).toArray();
                Arrays.sort(ranking, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
                for (String group : List.of("overall",
                        question.category() + " " + LoCoMo.CATEGORIES.getOrDefault(question.category(), "other"))) {
                    counts.merge(group, 1, Integer::sum);
                    Map<String, Double> groupSums = sums.computeIfAbsent(group, g -> new LinkedHashMap<>());
                    for (int k : KS) {
                        long found = Arrays.stream(ranking, 0, Math.min(k, ranking.length))
                                .filter(i -> question.evidence().contains(conversation.turns().get(i).diaId()))
                                .count();
                        groupSums.merge("R@" + k, (double) found / question.evidence().size(), Double::sum);
                    }
                }
            }
        }
        Map<String, Map<String, Double>> recall = new LinkedHashMap<>();
        recall.put("overall", average(sums.get("overall"), counts.get("overall")));
        sums.forEach((group, groupSums) -> {
            if (!group.equals("overall")) {
                recall.put(group + " (" + counts.get(group) + ")", average(groupSums, counts.get(group)));
            }
        });
        double[] latencies = new double[LATENCY_QUERIES];
        for (int i = 0; i < LATENCY_QUERIES; i++) {
            long start = System.nanoTime();
            model.embed("What did Melanie paint last week, number " + i + "?");
            latencies[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(latencies);
        double seconds = embedNanos / 1e9;
        return new ModelResult(name, dimensions, recall, seconds, sentences / seconds, latencies[LATENCY_QUERIES / 2]);
    }

    private static float[][] embed(EmbeddingModel model, List<String> texts) {
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(Embedding::vector).toArray(float[][]::new);
    }

    private static Map<String, Double> average(Map<String, Double> sums, int count) {
        Map<String, Double> averages = new LinkedHashMap<>();
        sums.forEach((k, sum) -> averages.put(k, round(sum / count)));
        return averages;
    }

    private static String markdown(List<ModelResult> measured, int conversations, int turns, int questions) {
        StringBuilder md = new StringBuilder();
        md.append("# In-process embedding models on LoCoMo (dev split)\n\n")
                .append(String.format(Locale.ROOT, "%d conversations, %d turns, %d questions; protocol of"
                        + " `../shared/data/locomo/README.md` (one memory per turn with its image caption, each"
                        + " question ranked against its own conversation, cosine similarity).%n%n",
                        conversations, turns, questions))
                .append("| model | dim | R@5 | R@10 | R@25 | R@50 | sentences/s | query p50 ms |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (ModelResult result : measured) {
            Map<String, Double> overall = result.recall().get("overall");
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.0f | %.1f |%n",
                    result.model(), result.dimensions(), overall.get("R@5"), overall.get("R@10"), overall.get("R@25"),
                    overall.get("R@50"), result.sentencesPerSecond(), result.queryP50Ms()));
        }
        md.append("\nPer category (R@5 / R@10 / R@25 / R@50):\n\n| category |");
        measured.forEach(result -> md.append(' ').append(result.model()).append(" |"));
        md.append("\n|---|").append("---|".repeat(measured.size())).append('\n');
        for (String group : measured.getFirst().recall().keySet()) {
            if (group.equals("overall")) {
                continue;
            }
            md.append("| ").append(group).append(" |");
            for (ModelResult result : measured) {
                Map<String, Double> r = result.recall().get(group);
                md.append(String.format(Locale.ROOT, " %.3f / %.3f / %.3f / %.3f |", r.get("R@5"), r.get("R@10"),
                        r.get("R@25"), r.get("R@50")));
            }
            md.append('\n');
        }
        md.append("\nPublished on all 10 conversations (MTEB LoCoMo task): bge-small-en-v1.5 R@5 0.463, R@10 0.550;"
                + " all-MiniLM-L6-v2 R@5 0.346, R@10 0.439.\n");
        return md.toString();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private record ModelResult(String model, int dimensions, Map<String, Map<String, Double>> recall,
            double embedSeconds, double sentencesPerSecond, double queryP50Ms) {
    }
}
