package dev.gaia.model.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

    UsageReport report(UUID gameId, @Nullable LocalDate from, @Nullable LocalDate to, String groupBy) {
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
        List<UsageGroup> groups = calls.totals(gameId, first.atStartOfDay().toInstant(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), grouping);
        return new UsageReport(gameId, first, last, grouping.parameter(), groups, UsageTotals.of(groups));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))), HttpHeaders.EMPTY);
    }
}
