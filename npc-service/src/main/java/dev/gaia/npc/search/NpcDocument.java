package dev.gaia.npc.search;

import java.util.List;

import dev.gaia.npc.lifestrand.LifeStrand;
import org.jspecify.annotations.Nullable;

/**
 * The text a character is found by: its name, what it does and where, how it is, what drives
 * it, its tags and its story, most telling first and cut at {@value #MAX_LENGTH} characters
 * (embedding models read only the start of a long text anyway).
 */
final class NpcDocument {

    static final int MAX_LENGTH = 4000;

    private NpcDocument() {
    }

    static String of(LifeStrand strand) {
        StringBuilder text = new StringBuilder(strand.name()).append('.');
        LifeStrand.Background background = strand.background();
        sentence(text, "Occupation", background.occupation());
        sentence(text, "Lives in", background.location());
        if (strand.currentStatus() != null) {
            sentence(text, "Now at", strand.currentStatus().location());
            sentence(text, "Doing", strand.currentStatus().activity());
            sentence(text, "Mood", strand.currentStatus().mood());
        }
        LifeStrand.Personality personality = strand.personality();
        list(text, "Traits", personality.traits());
        list(text, "Motivations", personality.motivations());
        list(text, "Fears", personality.fears());
        list(text, "Quirks", personality.quirks());
        list(text, "Tags", strand.tags());
        sentence(text, "History", background.history());
        if (text.length() <= MAX_LENGTH) {
            return text.toString();
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH);
    }

    private static void sentence(StringBuilder text, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            text.append(' ').append(label).append(": ").append(value.strip()).append('.');
        }
    }

    private static void list(StringBuilder text, String label, List<String> values) {
        if (!values.isEmpty()) {
            sentence(text, label, String.join(", ", values));
        }
    }
}
