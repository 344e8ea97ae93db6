-- Every model call model-service makes, for usage reports, cost estimates and budgets.
create table model_call (
    id          uuid primary key,
    game_id     uuid           not null,
    user_id     uuid           not null,
    npc_id      uuid,
    role        varchar(32),
    provider    varchar(64)    not null,
    model       varchar(256)   not null,
    -- Null when the provider reported no usage: nothing is guessed.
    tokens_in   integer        check (tokens_in >= 0),
    tokens_out  integer        check (tokens_out >= 0),
    -- US dollars; null when the tokens are unknown or the model has no price (gaia.model.prices).
    cost_usd    numeric(20, 10) check (cost_usd >= 0),
    latency_ms  bigint         not null,
    ttft_ms     bigint,
    outcome     varchar(32)    not null
        check (outcome in ('ok', 'client_cancelled', 'provider_error', 'rejected_budget', 'failed')),
    error_code  varchar(64),
    started_at  timestamptz    not null,
    check ((tokens_in is null) = (tokens_out is null))
);
-- Usage reports and this month's spend read one game's calls over a time range; the cost is
-- included so that the spend re-read on the hot path's cache refresh is an index-only scan.
create index model_call_game_started_idx on model_call (game_id, started_at) include (cost_usd);

-- A game's own monthly budget, replacing gaia.model.budgets.default-monthly-usd.
create table game_budget (
    game_id     uuid           primary key,
    monthly_usd numeric(18, 6) not null check (monthly_usd >= 0),
    updated_by  uuid           not null,
    updated_at  timestamptz    not null
);
