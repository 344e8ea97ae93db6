package dev.gaia.npc.version;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.npc.lifestrand.NpcView;
import dev.gaia.npc.paging.PageCursor;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a character's history, compares two of its versions and rolls it back. A deleted
 * character, or one of another game, has no history for the caller.
 */
@Service
class NpcVersionService {

    private final NpcService npcs;
    private final NpcVersionRepository versions;
    private final JsonMapper jsonMapper;

    NpcVersionService(NpcService npcs, NpcVersionRepository versions, JsonMapper jsonMapper) {
        this.npcs = npcs;
        this.versions = versions;
        this.jsonMapper = jsonMapper;
    }

    /** A page of the character's versions, newest first, after {@code cursor} if given. */
    @Transactional(readOnly = true)
    VersionPage list(UUID npcId, int limit, @Nullable String cursor, GaiaPrincipal caller) {
        NpcView npc = live(npcId, caller);
        long before = cursor == null ? npc.version() + 1 : decode(cursor);
        List<VersionSummary> rows = versions.page(caller.gameId(), npcId, before, limit + 1);
        List<VersionSummary> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? encode(page.getLast().version()) : null;
        return new VersionPage(List.copyOf(page), next);
    }

    @Transactional(readOnly = true)
    NpcVersion get(UUID npcId, long version, GaiaPrincipal caller) {
        live(npcId, caller);
        return version(npcId, version, caller);
    }

    /** What changed from version {@code from} to version {@code to} (either may be the older). */
    @Transactional(readOnly = true)
    VersionDiff diff(UUID npcId, long from, long to, GaiaPrincipal caller) {
        live(npcId, caller);
        LifeStrand before = version(npcId, from, caller).lifeStrand();
        LifeStrand after = version(npcId, to, caller).lifeStrand();
        return new VersionDiff(npcId, from, to,
                JsonDiff.between(jsonMapper.valueToTree(before), jsonMapper.valueToTree(after)));
    }

    /**
     * Makes version {@code version}'s Life Strand current again, as a new version with reason
     * {@link ChangeReason#ROLLBACK}.
     *
     * @param expectedVersion the current version the caller rolls back from; {@code null} for any
     */
    @Transactional
    NpcVersion rollback(UUID npcId, long version, @Nullable Long expectedVersion, String note,
            GaiaPrincipal caller) {
        live(npcId, caller);
        LifeStrand target = version(npcId, version, caller).lifeStrand();
        String noteOrDefault = note.isBlank() ? "Rolled back to version " + version : note;
        NpcView rolledBack = npcs.change(caller.gameId(), npcId, caller.userId(), ChangeReason.ROLLBACK,
                noteOrDefault, expectedVersion, current -> target);
        return version(npcId, rolledBack.version(), caller);
    }

    private NpcView live(UUID npcId, GaiaPrincipal caller) {
        return npcs.find(caller.gameId(), npcId).orElseThrow(() -> NpcService.notFound(npcId));
    }

    private NpcVersion version(UUID npcId, long version, GaiaPrincipal caller) {
        return versions.find(caller.gameId(), npcId, version).orElseThrow(() -> ProblemException.notFound(
                "npc_version_not_found", "NPC " + npcId + " has no version " + version + "."));
    }

    private static String encode(long version) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v" + version).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith("v")) {
                throw PageCursor.invalid();
            }
            return Long.parseLong(plain.substring(1));
        }
        catch (IllegalArgumentException ex) {
            throw PageCursor.invalid();
        }
    }
}
