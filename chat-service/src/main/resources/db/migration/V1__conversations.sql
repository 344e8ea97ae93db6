create table conversation (
    id         uuid primary key,
    game_id    uuid        not null,
    npc_id     uuid        not null,
    user_id    uuid        not null,
    started_at timestamptz not null,
    ended_at   timestamptz,
    status     varchar(16) not null check (status in ('active', 'ended'))
);
create index conversation_game_user_idx on conversation (game_id, user_id);
create index conversation_game_npc_idx on conversation (game_id, npc_id);

create table message (
    id              uuid primary key,
    game_id         uuid        not null,
    conversation_id uuid        not null references conversation (id),
    turn_id         uuid        not null,
    role            varchar(16) not null check (role in ('user', 'assistant')),
    content         text        not null,
    created_at      timestamptz not null,
    seq             integer     not null,
    constraint message_conversation_seq_key unique (conversation_id, seq)
);

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
