-- A memory as DESIGN §7 defines it. Embeddings are 384-dimensional: both offline candidates
-- for the default embedding model (bge-small-en-v1.5, all-MiniLM-L6-v2) produce 384 values.
create table memory (
    id               uuid primary key,
    game_id          uuid          not null,
    npc_id           uuid          not null,
    about_user_id    uuid,
    type             varchar(20)   not null check (type in ('episodic', 'semantic', 'reflection', 'fact', 'preference', 'relationship')),
    content          varchar(4000) not null,
    embedding        vector(384),
    importance       real          not null check (importance between 0 and 1),
    strength         real          not null default 1 check (strength between 0 and 1),
    visibility       varchar(10)   not null default 'private' check (visibility in ('private', 'shared', 'public')),
    source           jsonb         not null default '{}',
    access_count     integer       not null default 0,
    created_at       timestamptz   not null default now(),
    last_accessed_at timestamptz   not null default now(),
    superseded_by    uuid references memory (id)
);

create index memory_npc_idx on memory (game_id, npc_id, about_user_id);
create index memory_embedding_idx on memory using hnsw (embedding vector_cosine_ops);
create index memory_content_fts_idx on memory using gin (to_tsvector('english', content));

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
