package dev.gaia.npc.card;

import java.util.List;
import java.util.Map;

import dev.gaia.shared.problem.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The problems a card file can cause; each leaves nothing behind. */
final class CardProblems {

    private CardProblems() {
    }

    /** 400 {@code card_malformed}: the file is broken (bad checksum, truncated, not JSON, not a zip). */
    static ProblemException malformed(String detail) {
        return ProblemException.badRequest("card_malformed", detail);
    }

    /** 400 {@code card_format_unknown}: neither PNG, nor a charx archive, nor JSON. */
    static ProblemException unknownFormat() {
        return ProblemException.badRequest("card_format_unknown", "The file is neither a PNG image, nor a .charx"
                + " archive, nor JSON: send a Character Card V2 or V3 in one of these formats.");
    }

    /** 413 {@code card_too_large}: a size or count limit was passed. */
    static ProblemException tooLarge(String detail) {
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "card_too_large", detail);
    }

    /** 422 {@code card_missing}: a readable file that holds no card. */
    static ProblemException missing(String detail) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "card_missing", detail);
    }

    /** 422 {@code card_invalid}: a card whose fields cannot become a Life Strand, each named in {@code errors}. */
    static ProblemException invalid(List<Map<String, String>> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "card_invalid",
                "The card cannot become a Life Strand: see errors.", Map.of("errors", errors), HttpHeaders.EMPTY);
    }

    /** 422 {@code card_invalid} for one field. */
    static ProblemException invalid(String field, String message) {
        return invalid(List.of(Map.of("field", field, "message", message)));
    }
}
