-- Roles a game's admins switched to another model at runtime (POST /api/models/local/switch).
-- They are restored when model-service starts, so a switch outlasts restarts until the role is reset.
create table model_role_switch (
    game_id     uuid         not null,
    role        varchar(32)  not null check (role in ('chat', 'summary', 'scoring')),
    model       varchar(256) not null,
    switched_by uuid         not null,
    switched_at timestamptz  not null,
    primary key (game_id, role)
);
