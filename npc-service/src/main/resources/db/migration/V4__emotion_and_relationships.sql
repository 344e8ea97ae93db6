-- How a character feels right now, apart from the Life Strand's versions: a point in PAD space
-- as of updated_at, drifting back to the personality's baseline when read. seed_* is the Life
-- Strand's emotional_state the row was last set from, so that a designer's new one resets it.
create table npc_emotion (
    npc_id         uuid             primary key,
    game_id        uuid             not null,
    pleasure       double precision not null check (pleasure between -1 and 1),
    arousal        double precision not null check (arousal between -1 and 1),
    dominance      double precision not null check (dominance between -1 and 1),
    seed_pleasure  double precision,
    seed_arousal   double precision,
    seed_dominance double precision,
    updated_at     timestamptz      not null
);

-- Whom a character knows: another character of the game or a player. A relationship between two
-- characters is one row, found from either side; one with a player belongs to the character.
create table relationship (
    id          uuid             primary key,
    game_id     uuid             not null,
    npc_id      uuid             not null,
    target_type varchar(10)      not null check (target_type in ('NPC', 'PLAYER')),
    target_id   uuid             not null,
    type        varchar(20)      not null check (type in ('FRIEND', 'RIVAL', 'FAMILY', 'MENTOR', 'ROMANTIC',
                                                      'ENEMY', 'COLLEAGUE', 'ACQUAINTANCE', 'STRANGER', 'ALLY')),
    trust       double precision not null check (trust between -1 and 1),
    affinity    double precision not null check (affinity between -1 and 1),
    familiarity double precision not null check (familiarity between -1 and 1),
    respect     double precision not null check (respect between -1 and 1),
    notes       varchar(1000),
    created_at  timestamptz      not null,
    updated_at  timestamptz      not null,
    check (not (target_type = 'NPC' and target_id = npc_id))
);
-- One relationship per pair, whichever side it was written from.
create unique index relationship_npc_pair_uidx on relationship
    (game_id, least(npc_id, target_id), greatest(npc_id, target_id)) where target_type = 'NPC';
create unique index relationship_player_uidx on relationship (game_id, npc_id, target_id)
    where target_type = 'PLAYER';
create index relationship_target_idx on relationship (game_id, target_type, target_id);

-- The last interactions of a relationship (the service keeps a bounded number), newest last.
create table relationship_interaction (
    id              uuid             primary key,
    game_id         uuid             not null,
    relationship_id uuid             not null references relationship (id) on delete cascade,
    quality         double precision not null check (quality between -1 and 1),
    summary         varchar(500)     not null,
    occurred_at     timestamptz      not null,
    recorded_by     uuid
);
create index relationship_interaction_rel_idx on relationship_interaction (relationship_id, occurred_at, id);
