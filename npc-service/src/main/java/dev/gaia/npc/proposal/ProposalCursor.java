package dev.gaia.npc.proposal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;

/** Where a page of proposals ends: the creation time and id of its last one, opaque to clients. */
record ProposalCursor(Instant createdAt, UUID id) {

    private static final String SEPARATOR = "|";

    static ProposalCursor after(ChangeProposal proposal) {
        return new ProposalCursor(proposal.createdAt(), proposal.id());
    }

    KeysetScrollPosition position() {
        return ScrollPosition.forward(Map.of("createdAt", createdAt, "id", id));
    }

    String encode() {
        String plain = createdAt + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ProposalCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator < 0) {
                throw invalid();
            }
            return new ProposalCursor(Instant.parse(plain.substring(0, separator)),
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
