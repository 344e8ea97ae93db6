-- How a game lets conversations change its characters: proposals at or above the threshold apply
-- at once, and no single proposal moves a Big Five trait further than max_trait_step.
create table npc_settings (
    game_id                uuid             primary key,
    auto_approve_threshold double precision not null check (auto_approve_threshold between 0 and 1),
    max_trait_step         double precision not null check (max_trait_step between 0 and 1),
    updated_at             timestamptz      not null,
    updated_by             uuid
);

-- Proposed changes of a character (mood, feelings, personality drift, relationships, knowledge)
-- with their confidence and evidence: applied at once, or waiting for a designer's decision.
create table change_proposal (
    id            uuid             primary key,
    game_id       uuid             not null,
    npc_id        uuid             not null,
    status        varchar(10)      not null check (status in ('PENDING', 'APPLIED', 'REJECTED')),
    confidence    double precision not null check (confidence between 0 and 1),
    evidence      jsonb            not null,
    changes       jsonb            not null,
    outcome       jsonb,
    created_at    timestamptz      not null,
    created_by    uuid,
    decided_at    timestamptz,
    decided_by    uuid,
    decision_note varchar(1000)
);
create index change_proposal_npc_idx on change_proposal (game_id, npc_id, created_at desc, id desc);
create index change_proposal_status_idx on change_proposal (game_id, npc_id, status, created_at desc, id desc);
