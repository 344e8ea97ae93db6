package dev.gaia.model.usage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded calls, table {@code model_call}; every query is scoped to one game. */
@Repository
class ModelCallRepository {

    /** The columns of a usage total, summed over the rows selected. */
    private static final String SUMS = """
            count(*) as calls,
            coalesce(sum(tokens_in), 0) as tokens_in,
            coalesce(sum(tokens_out), 0) as tokens_out,
            coalesce(sum(cost_usd), 0) as cost_usd,
            count(*) filter (where tokens_in is null) as calls_without_usage""";

    private final JdbcClient jdbc;
    /** For batches, which {@link JdbcClient} does not write. */
    private final NamedParameterJdbcTemplate batches;

    ModelCallRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Writes the calls as one JDBC batch: one round trip however many there are. */
    void insertAll(List<ModelCall> batch) {
        batches.batchUpdate("""
                insert into model_call (id, game_id, user_id, npc_id, role, provider, model, tokens_in, tokens_out,
                                        cost_usd, latency_ms, ttft_ms, outcome, error_code, started_at)
                values (:id, :gameId, :userId, :npcId, :role, :provider, :model, :tokensIn, :tokensOut,
                        :costUsd, :latencyMs, :ttftMs, :outcome, :errorCode, :startedAt)""",
                batch.stream().map(ModelCallRepository::parameters).toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource parameters(ModelCall call) {
        CallContext context = call.context();
        Duration ttft = call.timeToFirstToken();
        return new MapSqlParameterSource()
                .addValue("id", call.id())
                .addValue("gameId", context.gameId())
                .addValue("userId", context.userId())
                .addValue("npcId", context.npcId(), Types.OTHER)
                .addValue("role", context.role(), Types.VARCHAR)
                .addValue("provider", context.provider())
                .addValue("model", context.model())
                .addValue("tokensIn", call.tokens().input(), Types.INTEGER)
                .addValue("tokensOut", call.tokens().output(), Types.INTEGER)
                .addValue("costUsd", call.costUsd(), Types.NUMERIC)
                .addValue("latencyMs", millis(call.latency()))
                .addValue("ttftMs", ttft == null ? null : millis(ttft), Types.INTEGER)
                .addValue("outcome", call.outcome().value())
                .addValue("errorCode", call.errorCode(), Types.VARCHAR)
                .addValue("startedAt", OffsetDateTime.ofInstant(call.startedAt(), ZoneOffset.UTC));
    }

    /** The estimated cost of the game's calls since the given instant. */
    BigDecimal spentSince(UUID gameId, Instant since) {
        return jdbc.sql("select coalesce(sum(cost_usd), 0) from model_call where game_id = :gameId and started_at >= :since")
                .param("gameId", gameId)
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(BigDecimal.class)
                .single();
    }

    /**
     * The game's calls in {@code [from, to)} totalled per group, ordered by key, calls for no key
     * last: at most {@code limit} groups, those after the key {@code after} when it is given.
     */
    List<UsageGroup> totals(UUID gameId, Instant from, Instant to, UsageGrouping grouping, @Nullable String after,
            int limit) {
        return jdbc.sql("""
                select * from (
                    select %s as group_key, %s
                      from model_call
                     where game_id = :gameId and started_at >= :from and started_at < :to
                     group by group_key) grouped
                 %s
                 order by group_key nulls last
                 limit :limit""".formatted(grouping.sqlKey(), SUMS,
                        after == null ? "" : "where group_key > :after or group_key is null"))
                .param("gameId", gameId)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .params(after == null ? Map.of() : Map.of("after", after))
                .param("limit", limit)
                .query((row, number) -> {
                    UsageTotals sums = sumsOf(row);
                    return new UsageGroup(row.getString("group_key"), sums.calls(), sums.tokensIn(), sums.tokensOut(),
                            sums.costUsd(), sums.callsWithoutUsage());
                })
                .list();
    }

    /** The totals of all the game's calls in {@code [from, to)}. */
    UsageTotals totals(UUID gameId, Instant from, Instant to) {
        return jdbc.sql("select " + SUMS + " from model_call"
                        + " where game_id = :gameId and started_at >= :from and started_at < :to")
                .param("gameId", gameId)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((row, number) -> sumsOf(row))
                .single();
    }

    /** The {@link #SUMS} columns of a row. */
    private static UsageTotals sumsOf(ResultSet row) throws SQLException {
        return new UsageTotals(row.getLong("calls"), row.getLong("tokens_in"), row.getLong("tokens_out"),
                new BigDecimal(BudgetStatus.plain(row.getBigDecimal("cost_usd"))), row.getLong("calls_without_usage"));
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }
}
