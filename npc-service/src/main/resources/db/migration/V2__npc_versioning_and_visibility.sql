-- Optimistic concurrency: every change of a character's Life Strand increments its version,
-- which is also its ETag; an update naming a stale version changes nothing.
alter table npc add column version bigint not null default 1;

-- Whether players of the game may see the character at all; designers and admins always do.
alter table npc add column visible_to_players boolean not null default true;

-- A character the platform creates itself (no user behind it) has no creator.
alter table npc alter column created_by drop not null;
