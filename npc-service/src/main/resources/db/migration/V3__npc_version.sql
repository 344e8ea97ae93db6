-- Every version of every character's Life Strand: who changed it, when and why.
create table npc_version (
    game_id     uuid        not null,
    npc_id      uuid        not null references npc (id),
    version     bigint      not null,
    life_strand jsonb       not null,
    reason      varchar(32) not null,
    note        varchar(500),
    actor_id    uuid,
    created_at  timestamptz not null,
    primary key (game_id, npc_id, version)
);

-- Characters created before versions were kept start their history with what they are now.
insert into npc_version (game_id, npc_id, version, life_strand, reason, note, actor_id, created_at)
select game_id, id, version, life_strand, 'CREATED', null, created_by, updated_at
from npc;
