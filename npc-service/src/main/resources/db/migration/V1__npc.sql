-- A game's characters. The Life Strand is kept whole as JSON; name is a column for listing.
create table npc (
    id          uuid primary key,
    game_id     uuid         not null,
    name        varchar(100) not null,
    life_strand jsonb        not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    created_by  uuid         not null,
    deleted_at  timestamptz
);
-- Keyset pagination of a game's characters in creation order.
create index npc_game_created_idx on npc (game_id, created_at, id);

-- Events npc-service publishes (npc.created), written in the transaction of the change.
create table outbox (
    id           uuid primary key,
    game_id      uuid         not null,
    subject      varchar(255) not null,
    type         varchar(255) not null,
    payload      jsonb        not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_unpublished_idx on outbox (created_at) where published_at is null;
