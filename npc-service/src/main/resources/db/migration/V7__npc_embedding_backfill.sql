-- Characters created before search existed are queued as stale rows without a document: the
-- next search in their game builds the document from the Life Strand and embeds it.
insert into npc_embedding (npc_id, game_id, version, name, stale)
select id, game_id, 0, name, true
from npc
where deleted_at is null;
