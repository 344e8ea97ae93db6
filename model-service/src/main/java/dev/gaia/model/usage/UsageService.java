package dev.gaia.model.usage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Usage reports of one game over a bounded range of days. */
@Service
class UsageService {

    /** The longest range one report covers, in days. */
    static final int MAX_DAYS = 366;

    /** The range reported when the caller names none: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    private final ModelCallRepository calls;
    private final Clock clock = Clock.systemUTC();

    UsageService(ModelCallRepository calls) {
        this.calls = calls;
    }

    /** Groups on one page when the caller names no {@code limit}, and the most it may name. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /**
     * One page of a report: at most {@code limit} groups, those after {@code cursor} (the
     * {@code next_cursor} of the page before) when it is given, and the totals of the whole range.
     */
    UsageReport report(UUID gameId, @Nullable LocalDate from, @Nullable LocalDate to, String groupBy, int limit,
            @Nullable String cursor) {
        UsageGrouping grouping = UsageGrouping.fromParameter(groupBy).orElseThrow(() -> invalid("group_by",
                "group_by must be one of " + UsageGrouping.ACCEPTED + ", not '" + groupBy + "'."));
        LocalDate last = to != null ? to : from != null ? from.plusDays(DEFAULT_DAYS - 1) : LocalDate.now(clock);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw invalid("from", "from (" + first + ") must not be after to (" + last + ").");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw invalid("to", "A report covers at most " + MAX_DAYS + " days; " + first + " to " + last + " is "
                    + (ChronoUnit.DAYS.between(first, last) + 1) + ".");
        }
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<UsageGroup> groups = calls.totals(gameId, start, end, grouping, cursor == null ? null : keyOf(cursor),
                limit + 1);
        String nextCursor = null;
        if (groups.size() > limit) {
            groups = groups.subList(0, limit);
            // The group of calls for no key comes last, so a page that ends before the last has a key.
            nextCursor = cursorOf(Objects.requireNonNull(groups.getLast().key()));
        }
        return new UsageReport(gameId, first, last, grouping.parameter(), List.copyOf(groups), nextCursor,
                calls.totals(gameId, start, end));
    }

    /** The opaque {@code next_cursor}: the last group's key, base64url, so that its form can change. */
    private static String cursorOf(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String keyOf(String cursor) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw invalidCursor();
        }
        if (key.isEmpty() || key.indexOf('\u0000') >= 0) {
            throw invalidCursor();
        }
        return key;
    }

    private static ProblemException invalidCursor() {
        return ProblemException.badRequest("invalid_cursor", "The cursor is not one this service handed out."
                + " Start again from the first page, without a cursor.");
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))), HttpHeaders.EMPTY);
    }
}
