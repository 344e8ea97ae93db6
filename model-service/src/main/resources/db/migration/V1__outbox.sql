-- Events model-service publishes (model.switched) leave through this outbox, relayed to NATS.
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
