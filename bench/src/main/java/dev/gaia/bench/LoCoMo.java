package dev.gaia.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LoCoMo conversations as retrieval cases, following the protocol in
 * {@code ../shared/data/locomo/README.md}: one memory per dialogue turn (its text, plus the
 * image caption when the turn shares an image), each question asked only of its own
 * conversation, evidence ids cleaned.
 */
final class LoCoMo {

    /** Category numbers as the upstream evaluation code uses them. */
    static final Map<Integer, String> CATEGORIES = Map.of(1, "multi-hop", 2, "temporal", 3, "open-domain",
            4, "single-hop", 5, "adversarial");

    private static final Pattern SESSION = Pattern.compile("session_\\d+");
    private static final Pattern EVIDENCE = Pattern.compile("D:?(\\d+):(\\d+)");

    private LoCoMo() {
    }

    /**
     * @param id the conversation's {@code sample_id}
     * @param turns one memory per dialogue turn
     * @param questions its questions with at least one evidence turn that exists
     * @param droppedEvidence evidence ids that were malformed beyond repair or name no turn
     */
    record Conversation(String id, List<Turn> turns, List<Question> questions, List<String> droppedEvidence) {
    }

    /**
     * @param diaId {@code D<session>:<turn>}
     * @param text the memory as indexed: {@code speaker: text [image: caption]}
     */
    record Turn(String diaId, String text) {
    }

    /**
     * @param text the question
     * @param category 1 to 5
     * @param evidence the turns holding the answer, cleaned
     */
    record Question(String text, int category, Set<String> evidence) {
    }

    static List<Conversation> read(Path file) {
        JsonNode root = JsonMapper.shared().readTree(file.toFile());
        List<Conversation> conversations = new ArrayList<>();
        for (JsonNode sample : root) {
            List<Turn> turns = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            JsonNode conversation = sample.path("conversation");
            for (String key : conversation.propertyNames()) {
                if (!SESSION.matcher(key).matches()) {
                    continue;
                }
                for (JsonNode turn : conversation.path(key)) {
                    String text = turn.path("speaker").asString("") + ": " + turn.path("text").asString("");
                    if (turn.path("blip_caption").isString()) {
                        text += " [image: " + turn.path("blip_caption").stringValue() + "]";
                    }
                    String diaId = clean(turn.path("dia_id").asString(""));
                    turns.add(new Turn(diaId, text));
                    ids.add(diaId);
                }
            }
            List<Question> questions = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (JsonNode qa : sample.path("qa")) {
                Set<String> evidence = new LinkedHashSet<>();
                for (JsonNode raw : qa.path("evidence")) {
                    for (String part : raw.asString("").split("[;,\\s]+")) {
                        String id = clean(part);
                        if (ids.contains(id)) {
                            evidence.add(id);
                        }
                        else if (!part.isBlank()) {
                            dropped.add(part);
                        }
                    }
                }
                if (!evidence.isEmpty()) {
                    questions.add(new Question(qa.path("question").asString(""), qa.path("category").asInt(), evidence));
                }
            }
            conversations.add(new Conversation(sample.path("sample_id").asString(""), turns, questions, dropped));
        }
        return conversations;
    }

    /** {@code D:11:26} → {@code D11:26}, {@code D30:05} → {@code D30:5}; anything else stays as it is. */
    static String clean(String id) {
        Matcher matcher = EVIDENCE.matcher(id.strip());
        if (!matcher.matches()) {
            return id.strip();
        }
        return "D" + Integer.parseInt(matcher.group(1)) + ":" + Integer.parseInt(matcher.group(2));
    }
}
