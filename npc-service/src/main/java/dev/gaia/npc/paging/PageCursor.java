package dev.gaia.npc.paging;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;

/**
 * Where a page ends: the creation time and id of its last item, opaque to clients (base64url)
 * so that its format can change. A cursor this service did not hand out is a 400 problem
 * {@code invalid_cursor}.
 */
public record PageCursor(Instant createdAt, UUID id) {

    private static final String SEPARATOR = "|";

    /** Every item was created in this span; a cursor outside it was not handed out (nor can PostgreSQL hold it). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The opaque form handed to clients as {@code next_cursor}. */
    public String encode() {
        String plain = createdAt + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent back.
     *
     * @throws ProblemException {@code invalid_cursor} (400) if this service did not hand it out
     */
    public static PageCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator < 0) {
                throw invalid();
            }
            Instant createdAt = Instant.parse(plain.substring(0, separator));
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                throw invalid();
            }
            return new PageCursor(createdAt, UUID.fromString(plain.substring(separator + 1)));
        }
        catch (IllegalArgumentException | DateTimeException ex) {
            throw invalid();
        }
    }

    /** Whether this cursor lies before the item created at {@code createdAt} with {@code id}, oldest first. */
    public boolean isBefore(Instant createdAt, UUID id) {
        int byTime = this.createdAt.compareTo(createdAt);
        return byTime < 0 || (byTime == 0 && this.id.compareTo(id) < 0);
    }

    /** The problem for a cursor this service did not hand out, whatever its format. */
    public static ProblemException invalid() {
        return ProblemException.badRequest("invalid_cursor",
                "The cursor is not one this service handed out. Start again from the first page, without a cursor.");
    }
}
