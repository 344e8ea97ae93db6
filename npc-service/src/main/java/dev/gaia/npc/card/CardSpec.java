package dev.gaia.npc.card;

import java.util.Locale;

import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/** The Character Card specifications Gaia reads and writes. */
enum CardSpec {

    /** Character Card V2 ({@code malfoyslastname/character-card-spec-v2}). */
    V2("chara_card_v2", "2.0"),

    /** Character Card V3 ({@code kwaroran/character-card-spec-v3}). */
    V3("chara_card_v3", "3.0");

    private final String spec;
    private final String version;

    CardSpec(String spec, String version) {
        this.spec = spec;
        this.version = version;
    }

    /** The card's {@code spec} field. */
    String spec() {
        return spec;
    }

    /** The card's {@code spec_version} field. */
    String version() {
        return version;
    }

    /** The spec a card's {@code spec} field names, or null for another. */
    static @Nullable CardSpec ofSpecField(String value) {
        for (CardSpec candidate : values()) {
            if (candidate.spec.equals(value)) {
                return candidate;
            }
        }
        return null;
    }

    /** The spec a query parameter names: {@code v2} or {@code v3}. */
    static CardSpec ofParameter(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "v2" -> V2;
            case "v3" -> V3;
            default -> throw ProblemException.badRequest("invalid_parameter",
                    "The value of 'spec' is not valid: ask for v2 or v3.");
        };
    }
}
