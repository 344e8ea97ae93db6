-- Semantic NPC search: one embedding per live character, of a description built from its Life
-- Strand. A row is stale (to be embedded again) while its vector is missing, was made from an
-- older version, or by another model than the one search uses now; stale rows are never ranked.
-- The vector type and its operators come from the pgvector extension in schema public.
create table npc_embedding (
    npc_id      uuid primary key,
    game_id     uuid          not null,
    version     bigint        not null,
    name        varchar(100)  not null,
    document    varchar(4000),
    embedding   public.vector(384),
    model       varchar(200),
    dimensions  integer,
    stale       boolean       not null default true,
    indexed_at  timestamptz
);
create index npc_embedding_game_stale_idx on npc_embedding (game_id) where stale;
create index npc_embedding_hnsw_idx on npc_embedding using hnsw (embedding public.vector_cosine_ops);
