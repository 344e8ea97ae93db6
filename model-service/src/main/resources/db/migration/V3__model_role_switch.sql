-- Roles an admin switched to another model at runtime (POST /api/models/local/switch). They are
-- restored when model-service starts, so a switch outlasts restarts until the role is reset.
create table model_role_switch (
    role        varchar(32)  primary key check (role in ('chat', 'summary', 'scoring')),
    model       varchar(256) not null,
    game_id     uuid         not null,
    switched_by uuid         not null,
    switched_at timestamptz  not null
);
