package dev.gaia.npc.lifestrand;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A character's entity tag is its version as a strong ETag ({@code "3"}). A write names the
 * version it was made against in {@code If-Match}; {@code *} accepts whatever version is current.
 */
public final class IfMatch {

    /** The request header that carries a note for the version a write creates. */
    public static final String CHANGE_NOTE_HEADER = "X-Gaia-Change-Note";

    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private IfMatch() {
    }

    /** The ETag of {@code version}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names, {@code null} for {@code *}.
     *
     * @throws ProblemException 428 {@code precondition_required} when there is no header, 412
     *         {@code npc_version_conflict} when it names no version this service hands out (a weak
     *         or malformed tag can never match)
     */
    public static @Nullable Long required(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(HttpStatus.PRECONDITION_REQUIRED, "precondition_required",
                    "Send the ETag of the version you changed in If-Match (or * to overwrite whatever is current).");
        }
        return optional(ifMatch);
    }

    /** Like {@link #required}, but no header means no check. */
    public static @Nullable Long optional(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher tag = STRONG_VERSION_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw ProblemException.of(HttpStatus.PRECONDITION_FAILED, "npc_version_conflict",
                    "If-Match must be one ETag as this service sent it, such as \"3\", or *.");
        }
        return Long.parseLong(tag.group(1));
    }

    /** The note of a change from its optional header: none is an empty note. */
    public static String note(@Nullable String header) {
        return header == null ? "" : header;
    }
}
