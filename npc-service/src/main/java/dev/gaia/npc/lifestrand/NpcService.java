package dev.gaia.npc.lifestrand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.gaia.npc.config.StrictJsonConfiguration;
import dev.gaia.npc.paging.PageCursor;
import dev.gaia.shared.events.OutboxWriter;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes characters. Everything happens inside one game: a
 * character of another game does not exist for the caller. Every change of a Life Strand is
 * validated, becomes a new version ({@link NpcRevised}), is published as {@link NpcChanged}
 * and reported through the outbox ({@code npc.created}, {@code npc.updated},
 * {@code npc.deleted}), all in the transaction of the change.
 */
@Service
public class NpcService {

    /** The longest note a version may carry. */
    public static final int MAX_NOTE_LENGTH = 500;

    private final NpcRepository npcs;
    private final NpcListQuery listQuery;
    private final LifeStrandValidator validator;
    private final OutboxWriter outbox;
    private final ApplicationEventPublisher events;
    private final JsonMapper jsonMapper;
    private final JsonMapper strictMapper;

    NpcService(NpcRepository npcs, NpcListQuery listQuery, LifeStrandValidator validator, OutboxWriter outbox,
            ApplicationEventPublisher events, JsonMapper jsonMapper) {
        this.npcs = npcs;
        this.listQuery = listQuery;
        this.validator = validator;
        this.outbox = outbox;
        this.events = events;
        this.jsonMapper = jsonMapper;
        this.strictMapper = StrictJsonConfiguration.strict(jsonMapper);
    }

    /**
     * Creates a character, version 1, visible to players, publishes {@code npc.created} and
     * {@link NpcChanged}.
     *
     * @param actorId who creates it; {@code null} when the platform itself does
     * @throws ProblemException 400 {@code validation_failed} when the Life Strand is invalid
     */
    @Transactional
    public NpcView create(UUID gameId, @Nullable UUID actorId, LifeStrand strand, ChangeReason reason, String note) {
        return create(gameId, actorId, strand, reason, note, true);
    }

    /** Creates a character, shown to players or hidden from them; see the public overload. */
    @Transactional
    NpcView create(UUID gameId, @Nullable UUID actorId, LifeStrand strand, ChangeReason reason, String note,
            boolean visibleToPlayers) {
        String checkedNote = checkNote(note);
        validator.check(strand);
        Npc npc = npcs.saveAndFlush(new Npc(gameId, actorId, strand, visibleToPlayers));
        outbox.write(gameId, "npc", "created", 1, new NpcCreated(npc.id(), npc.name(), actorId));
        NpcView view = npc.view();
        events.publishEvent(new NpcRevised(gameId, npc.id(), view.version(), strand, reason, checkedNote, actorId,
                view.updatedAt()));
        events.publishEvent(new NpcChanged(gameId, npc.id(), view.version(), strand));
        return view;
    }

    /** The live character, or empty when absent, deleted or of another game. */
    @Transactional(readOnly = true)
    public Optional<NpcView> find(UUID gameId, UUID npcId) {
        return npcs.findByIdAndGameIdAndDeletedAtIsNull(npcId, gameId).map(Npc::view);
    }

    /**
     * The live character of the caller's game as far as the caller may see it at all: empty also
     * when the caller is a player and the character is hidden from players. The view is whole;
     * trimming designer-only parts for players is the API's business.
     */
    @Transactional(readOnly = true)
    public Optional<NpcView> findFor(GaiaPrincipal caller, UUID npcId) {
        return npcs.findByIdAndGameIdAndDeletedAtIsNull(npcId, caller.gameId())
                .filter(npc -> caller.isDesignerOrAdmin() || npc.visibleToPlayers())
                .map(Npc::view);
    }

    /**
     * Which of {@code npcIds} the caller may see: live characters of the caller's game, and for
     * players only those visible to players.
     */
    @Transactional(readOnly = true)
    public Set<UUID> readableBy(GaiaPrincipal caller, Collection<UUID> npcIds) {
        return listQuery.readable(caller.gameId(), !caller.isDesignerOrAdmin(), npcIds);
    }

    /**
     * Applies {@code edit} to the current Life Strand as a new version. The result is validated
     * (an invalid one is a 400 problem and changes nothing), recorded with who, when and why,
     * reported as {@code npc.updated} (with the changed top-level fields) and {@link NpcChanged}.
     *
     * @param actorId who changes it; {@code null} when the platform itself does
     * @param expectedVersion the version the change was made against; {@code null} for none
     * @throws ProblemException 404 {@code npc_not_found}, 412 {@code npc_version_conflict} when
     *         {@code expectedVersion} is not the current version or another change won a race,
     *         400 {@code validation_failed}
     */
    @Transactional
    public NpcView change(UUID gameId, UUID npcId, @Nullable UUID actorId, ChangeReason reason, String note,
            @Nullable Long expectedVersion, UnaryOperator<LifeStrand> edit) {
        String checkedNote = checkNote(note);
        Npc npc = live(gameId, npcId);
        checkVersion(npc, expectedVersion);
        LifeStrand before = npc.lifeStrand();
        LifeStrand after = edit.apply(before);
        validator.check(after);
        npc.revise(after);
        flush(npc);
        NpcView view = npc.view();
        outbox.write(gameId, "npc", "updated", 1,
                new NpcUpdated(npcId, view.version(), reason, changedFields(before, after)));
        events.publishEvent(new NpcRevised(gameId, npcId, view.version(), after, reason, checkedNote, actorId,
                view.updatedAt()));
        events.publishEvent(new NpcChanged(gameId, npcId, view.version(), after));
        return view;
    }

    /**
     * A designer's or admin's edit through the API, answered as the caller sees the result.
     *
     * @see #change
     */
    @Transactional
    NpcResponse edit(UUID npcId, GaiaPrincipal caller, String note, @Nullable Long expectedVersion,
            UnaryOperator<LifeStrand> edit) {
        NpcView view = change(caller.gameId(), npcId, caller.userId(), ChangeReason.DESIGNER_EDIT, note,
                expectedVersion, edit);
        boolean visible = npcs.findByIdAndGameIdAndDeletedAtIsNull(npcId, caller.gameId())
                .map(Npc::visibleToPlayers).orElseThrow(() -> notFound(npcId));
        return NpcResponse.of(view, visible, caller, jsonMapper);
    }

    /**
     * The current Life Strand with a JSON Merge Patch (RFC 7386) applied; the result must be one
     * {@code PUT} would accept.
     */
    UnaryOperator<LifeStrand> mergePatch(JsonNode patch) {
        return current -> merged(current, patch);
    }

    /** Deletes a character softly: from now on it is absent everywhere; reported as {@code npc.deleted}. */
    @Transactional
    NpcView delete(UUID gameId, UUID npcId, @Nullable UUID actorId, @Nullable Long expectedVersion) {
        Npc npc = live(gameId, npcId);
        checkVersion(npc, expectedVersion);
        npc.delete();
        flush(npc);
        NpcView view = npc.view();
        outbox.write(gameId, "npc", "deleted", 1, new NpcDeleted(npcId, view.version(), actorId));
        events.publishEvent(new NpcChanged(gameId, npcId, view.version(), null));
        return view;
    }

    /** The field {@code npc.updated} names when a character was shown to or hidden from players. */
    static final String VISIBILITY_FIELD = "visible_to_players";

    /** Shows the character to the players of its game or hides it from them. */
    @Transactional
    void setVisibility(UUID gameId, UUID npcId, boolean visibleToPlayers) {
        if (npcs.updateVisibility(npcId, gameId, visibleToPlayers) == 0) {
            throw notFound(npcId);
        }
        // No new version of the Life Strand, but whoever caches the character must learn who may see it now.
        long version = npcs.findByIdAndGameIdAndDeletedAtIsNull(npcId, gameId).orElseThrow(() -> notFound(npcId))
                .version();
        outbox.write(gameId, "npc", "updated", 1, new NpcUpdated(npcId, version, ChangeReason.DESIGNER_EDIT,
                List.of(VISIBILITY_FIELD)));
    }

    /** The character as the caller may see it: players get 404 for hidden ones and no designer-only parts. */
    @Transactional(readOnly = true)
    NpcResponse read(UUID npcId, GaiaPrincipal caller) {
        Npc npc = npcs.findByIdAndGameIdAndDeletedAtIsNull(npcId, caller.gameId())
                .filter(found -> caller.isDesignerOrAdmin() || found.visibleToPlayers())
                .orElseThrow(() -> notFound(npcId));
        return NpcResponse.of(npc.view(), npc.visibleToPlayers(), caller, jsonMapper);
    }

    /** A page of the caller's game's characters matching {@code filter}, oldest first, after {@code cursor}. */
    @Transactional(readOnly = true)
    NpcPage list(NpcFilter filter, int limit, @Nullable String cursor, GaiaPrincipal caller) {
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        List<NpcListQuery.Row> rows = listQuery.page(caller.gameId(), !caller.isDesignerOrAdmin(), filter, after,
                limit + 1);
        List<NpcListQuery.Row> page = rows.subList(0, Math.min(limit, rows.size()));
        String nextCursor = rows.size() > limit
                ? new PageCursor(page.getLast().view().createdAt(), page.getLast().view().npcId()).encode()
                : null;
        List<NpcResponse> items = new ArrayList<>(page.size());
        for (NpcListQuery.Row row : page) {
            items.add(NpcResponse.of(row.view(), row.visibleToPlayers(), caller, jsonMapper));
        }
        return new NpcPage(items, nextCursor);
    }

    private Npc live(UUID gameId, UUID npcId) {
        return npcs.findByIdAndGameIdAndDeletedAtIsNull(npcId, gameId).orElseThrow(() -> notFound(npcId));
    }

    private static void checkVersion(Npc npc, @Nullable Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != npc.version()) {
            throw versionConflict(npc.id(), npc.version());
        }
    }

    private void flush(Npc npc) {
        try {
            npcs.saveAndFlush(npc);
        }
        catch (OptimisticLockingFailureException ex) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "npc_version_conflict",
                    "NPC " + npc.id() + " was changed by someone else at the same time. Read it again and retry.");
        }
    }

    private LifeStrand merged(LifeStrand current, JsonNode mergePatch) {
        JsonNode target = MergePatch.apply(jsonMapper.valueToTree(current), mergePatch);
        try {
            return strictMapper.treeToValue(target, LifeStrand.class);
        }
        catch (DatabindException ex) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "The patched Life Strand is invalid: see errors.",
                    Map.of("errors", List.of(Map.of("field", pathOf(ex), "message", "is not a known field or has the wrong type"))),
                    HttpHeaders.EMPTY);
        }
        catch (JacksonException ex) {
            throw ProblemException.badRequest("malformed_request", "The patched Life Strand is not valid JSON of the expected shape.");
        }
    }

    private static String pathOf(DatabindException ex) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The top-level Life Strand fields, as the API names them, whose values differ. */
    private List<String> changedFields(LifeStrand before, LifeStrand after) {
        JsonNode old = jsonMapper.valueToTree(before);
        JsonNode now = jsonMapper.valueToTree(after);
        Set<String> names = new LinkedHashSet<>(old.propertyNames());
        names.addAll(now.propertyNames());
        return names.stream().filter(name -> !old.path(name).equals(now.path(name))).toList();
    }

    private static @Nullable String checkNote(String note) {
        if (note.length() > MAX_NOTE_LENGTH) {
            throw ProblemException.badRequest("change_note_too_long",
                    "A change note may have at most " + MAX_NOTE_LENGTH + " characters.");
        }
        return note.isBlank() ? null : note.strip();
    }

    /** The problem for a character that is absent, deleted, of another game or hidden from the caller. */
    public static ProblemException notFound(UUID npcId) {
        return ProblemException.notFound("npc_not_found", "There is no NPC " + npcId + " in your game.");
    }

    /** The problem for a change made against a version that is no longer the current one. */
    public static ProblemException versionConflict(UUID npcId, long currentVersion) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, "npc_version_conflict",
                "NPC " + npcId + " is at version " + currentVersion
                        + ", not the one your change was made against. Read it again and retry.",
                Map.of("current_version", currentVersion), HttpHeaders.EMPTY);
    }
}
