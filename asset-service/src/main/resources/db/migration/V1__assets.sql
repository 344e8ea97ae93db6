-- Metadata of stored blobs; the bytes live in the blob store (filesystem or S3-compatible).
create table asset (
    id           uuid primary key,
    game_id      uuid         not null,
    kind         varchar(20)  not null check (kind in ('avatar', 'image', 'audio')),
    content_type varchar(100) not null,
    size_bytes   bigint       not null check (size_bytes >= 0),
    sha256       char(64)     not null,
    storage_key  varchar(500) not null,
    created_by   uuid         not null,
    created_at   timestamptz  not null default now()
);

create index asset_game_idx on asset (game_id, created_at, id);
