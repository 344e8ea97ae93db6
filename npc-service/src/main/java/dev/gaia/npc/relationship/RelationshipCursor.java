package dev.gaia.npc.relationship;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;

/** Where a page of relationships ends: the creation time and id of its last one, opaque to clients. */
record RelationshipCursor(Instant createdAt, UUID id) {

    private static final String SEPARATOR = "|";

    static RelationshipCursor after(Relationship relationship) {
        return new RelationshipCursor(relationship.createdAt(), relationship.id());
    }

    /** Whether this cursor lies before {@code relationship} in creation order. */
    boolean isBefore(Relationship relationship) {
        int byTime = createdAt.compareTo(relationship.createdAt());
        return byTime < 0 || (byTime == 0 && id.compareTo(relationship.id()) < 0);
    }

    String encode() {
        String plain = createdAt + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static RelationshipCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator < 0) {
                throw invalid();
            }
            return new RelationshipCursor(Instant.parse(plain.substring(0, separator)),
                    UUID.fromString(plain.substring(separator + 1)));
        }
        catch (IllegalArgumentException | DateTimeException ex) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid_cursor",
                "The cursor is not one this service handed out. Start again from the first page, without a cursor.");
    }
}
