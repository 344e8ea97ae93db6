package dev.gaia.model.usage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the usage report totals by: the {@code group_by} parameter. */
enum UsageGrouping {

    /** Per user id. */
    USER("user_id::text"),
    /** Per {@code provider/model}. */
    MODEL("provider || '/' || model"),
    /** Per day (UTC), {@code YYYY-MM-DD}. */
    DAY("to_char(started_at at time zone 'UTC', 'YYYY-MM-DD')"),
    /** Per NPC id; calls for no NPC have no key. */
    NPC("npc_id::text");

    /** The values the parameter accepts, for messages. */
    static final String ACCEPTED = Arrays.stream(values()).map(UsageGrouping::parameter)
            .collect(Collectors.joining(", "));

    private final String sqlKey;

    UsageGrouping(String sqlKey) {
        this.sqlKey = sqlKey;
    }

    /** The SQL expression of the group key; a constant, never built from input. */
    String sqlKey() {
        return sqlKey;
    }

    /** The value of {@code group_by}. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<UsageGrouping> fromParameter(String value) {
        return Arrays.stream(values()).filter(grouping -> grouping.parameter().equals(value.strip())).findFirst();
    }
}
