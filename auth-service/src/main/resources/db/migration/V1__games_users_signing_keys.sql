create table games (
    id         uuid primary key,
    slug       varchar(40)  not null,
    name       varchar(100) not null,
    created_at timestamptz  not null,
    constraint games_slug_key unique (slug)
);

create table users (
    id            uuid primary key,
    game_id       uuid         not null references games (id) on delete cascade,
    username      varchar(64)  not null,
    password_hash varchar(255) not null,
    roles         text[]       not null,
    created_at    timestamptz  not null,
    constraint users_roles_check
        check (cardinality(roles) > 0 and roles <@ array['player', 'designer', 'admin']::text[])
);

-- Usernames are unique per game regardless of case, so "Admin" cannot pose as "admin".
create unique index users_game_username_key on users (game_id, lower(username));

-- Keys sign for the whole platform, not for one game: a token names its game in a claim.
create table signing_keys (
    kid         varchar(64) primary key,
    public_key  bytea       not null,
    private_key bytea       not null,
    created_at  timestamptz not null,
    active      boolean     not null
);

-- At most one key signs at a time; older ones stay published until rotated out.
create unique index signing_keys_one_active on signing_keys (active) where active;
