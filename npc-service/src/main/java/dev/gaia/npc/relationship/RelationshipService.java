package dev.gaia.npc.relationship;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.npc.lifestrand.NpcView;
import dev.gaia.npc.paging.PageCursor;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relationships of a game's characters. A character must be live in the caller's game (and, for
 * a player, visible to players); a relationship whose other character the caller may not see is
 * left out, and one with a player is seen only by that player and the game's designers and admins.
 */
@Service
public class RelationshipService {

    /** How many interactions a relationship keeps; older ones are forgotten. */
    static final int KEPT_INTERACTIONS = 20;

    /** How many relationships with other characters a character may be an end of; players are not counted. */
    static final int MAX_RELATIONSHIPS = 500;

    private static final Comparator<Relationship> CREATION_ORDER = Comparator.comparing(Relationship::createdAt)
            .thenComparing(Relationship::id);

    private final RelationshipRepository relationships;
    private final RelationshipInteractionRepository interactions;
    private final NpcService npcs;
    private final Clock clock;

    RelationshipService(RelationshipRepository relationships, RelationshipInteractionRepository interactions,
            NpcService npcs, ObjectProvider<Clock> clock) {
        this.relationships = relationships;
        this.interactions = interactions;
        this.npcs = npcs;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Creates or replaces the relationship between a character and a target. */
    @Transactional
    RelationshipResponse put(UUID gameId, UUID npcId, TargetType targetType, UUID targetId, PutRelationshipRequest request) {
        checkEnds(gameId, npcId, targetType, targetId);
        Scores scores = new Scores(request.trust(), request.affinity(), request.familiarity(), request.respect());
        Instant now = clock.instant();
        Relationship relationship = relationships.lockBetween(gameId, npcId, targetType, targetId)
                .map(found -> {
                    found.describe(request.type(), scores, request.notes(), now);
                    return found;
                })
                .orElseGet(() -> create(gameId, npcId, targetType, targetId, request.type(), scores, request.notes(), now));
        return response(relationship, npcId);
    }

    /** Records an interaction and moves the relationship by {@link InteractionRule}; a stranger's is created first. */
    @Transactional
    RelationshipResponse recordInteraction(UUID gameId, UUID npcId, TargetType targetType, UUID targetId,
            InteractionRequest request, UUID recordedBy) {
        checkEnds(gameId, npcId, targetType, targetId);
        Instant now = clock.instant();
        Relationship relationship = lockOrMeet(gameId, npcId, targetType, targetId, now);
        relationship.rescore(InteractionRule.apply(relationship.scores(), request.quality()), now);
        interactions.save(new RelationshipInteraction(gameId, relationship.id(), request.quality(),
                request.summary().strip(), request.occurredAt() == null ? now : request.occurredAt(), recordedBy));
        interactions.keepLatest(gameId, relationship.id(), KEPT_INTERACTIONS);
        return response(relationship, npcId);
    }

    /**
     * Moves the relationship between a character and a target by {@code delta} (each score cut to
     * -1..1) and, when {@code type} is given, makes it of that type; a relationship that does not
     * exist yet starts as {@link RelationshipType#STRANGER} at 0. Used by applied change proposals.
     *
     * @throws ProblemException 404 {@code npc_not_found} or {@code target_not_found}, 400 {@code self_relationship}
     */
    @Transactional
    public void adjust(UUID gameId, UUID npcId, TargetType targetType, UUID targetId, Scores delta,
            @Nullable RelationshipType type) {
        checkEnds(gameId, npcId, targetType, targetId);
        Instant now = clock.instant();
        Relationship relationship = lockOrMeet(gameId, npcId, targetType, targetId, now);
        Scores scores = relationship.scores();
        relationship.rescore(new Scores(scores.trust() + delta.trust(), scores.affinity() + delta.affinity(),
                scores.familiarity() + delta.familiarity(), scores.respect() + delta.respect()), now);
        if (type != null) {
            relationship.retype(type, now);
        }
    }

    /**
     * Checks that the two ends of a relationship exist.
     *
     * @throws ProblemException 404 {@code npc_not_found} or {@code target_not_found}, 400 {@code self_relationship}
     */
    public void checkEnds(UUID gameId, UUID npcId, TargetType targetType, UUID targetId) {
        npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        if (targetType == TargetType.NPC) {
            if (targetId.equals(npcId)) {
                throw ProblemException.badRequest("self_relationship", "A character has no relationship with itself.");
            }
            if (npcs.find(gameId, targetId).isEmpty()) {
                throw ProblemException.notFound("target_not_found", "There is no NPC " + targetId + " in your game.");
            }
        }
    }

    @Transactional(readOnly = true)
    RelationshipResponse get(GaiaPrincipal caller, UUID npcId, TargetType targetType, UUID targetId) {
        visible(caller, npcId);
        if (!maySee(caller, targetType, targetId) || (targetType == TargetType.NPC
                && npcs.readableBy(caller, List.of(targetId)).isEmpty())) {
            throw notFound(npcId, targetType, targetId);
        }
        return relationships.findBetween(caller.gameId(), npcId, targetType, targetId)
                .map(relationship -> response(relationship, npcId))
                .orElseThrow(() -> notFound(npcId, targetType, targetId));
    }

    /** A page of the relationships the character is either end of, oldest first. */
    @Transactional(readOnly = true)
    RelationshipPage list(GaiaPrincipal caller, UUID npcId, int limit, @Nullable String cursor) {
        visible(caller, npcId);
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        List<Relationship> page = new ArrayList<>();
        boolean more = false;
        for (Relationship relationship : readable(caller, npcId)) {
            if (after != null && !after.isBefore(relationship.createdAt(), relationship.id())) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(relationship);
        }
        List<RelationshipSummary> items = page.stream().map(relationship -> summary(relationship, npcId)).toList();
        String next = more ? new PageCursor(page.getLast().createdAt(), page.getLast().id()).encode() : null;
        return new RelationshipPage(items, next);
    }

    @Transactional(readOnly = true)
    RelationshipStats stats(GaiaPrincipal caller, UUID npcId) {
        visible(caller, npcId);
        List<Relationship> all = readable(caller, npcId);
        Map<RelationshipType, Integer> byType = new EnumMap<>(RelationshipType.class);
        all.forEach(relationship -> byType.merge(relationship.type(), 1, Integer::sum));
        Comparator<Relationship> byTrust = Comparator.comparingDouble(relationship -> relationship.scores().trust());
        return new RelationshipStats(npcId, all.size(), byType,
                all.isEmpty() ? null : all.stream().mapToDouble(r -> r.scores().trust()).average().orElseThrow(),
                all.isEmpty() ? null : all.stream().mapToDouble(r -> r.scores().affinity()).average().orElseThrow(),
                all.stream().max(byTrust).map(r -> trusted(r, npcId)).orElse(null),
                all.stream().min(byTrust).map(r -> trusted(r, npcId)).orElse(null));
    }

    @Transactional(readOnly = true)
    CompatibilityResponse compatibility(GaiaPrincipal caller, UUID npcId, UUID otherId) {
        if (npcId.equals(otherId)) {
            throw ProblemException.badRequest("same_npc", "Compatibility is between two different characters.");
        }
        NpcView npc = visible(caller, npcId);
        NpcView other = visible(caller, otherId);
        Compatibility.Result result = Compatibility.between(npc.lifeStrand(), other.lifeStrand());
        return new CompatibilityResponse(npcId, otherId, result.score(), result.reasons(),
                result.suggestedInteractions());
    }

    private List<Relationship> readable(GaiaPrincipal caller, UUID npcId) {
        List<Relationship> involving = relationships.findInvolving(caller.gameId(), npcId, caller.isDesignerOrAdmin(),
                caller.userId());
        Set<UUID> otherNpcs = new HashSet<>();
        for (Relationship relationship : involving) {
            Counterpart counterpart = relationship.counterpartOf(npcId);
            if (counterpart.type() == TargetType.NPC) {
                otherNpcs.add(counterpart.id());
            }
        }
        Set<UUID> readableNpcs = otherNpcs.isEmpty() ? Set.of() : npcs.readableBy(caller, otherNpcs);
        return involving.stream()
                .filter(relationship -> {
                    Counterpart counterpart = relationship.counterpartOf(npcId);
                    return counterpart.type() == TargetType.PLAYER || readableNpcs.contains(counterpart.id());
                })
                .sorted(CREATION_ORDER)
                .toList();
    }

    private Relationship lockOrMeet(UUID gameId, UUID npcId, TargetType targetType, UUID targetId, Instant now) {
        return relationships.lockBetween(gameId, npcId, targetType, targetId)
                .orElseGet(() -> create(gameId, npcId, targetType, targetId, RelationshipType.STRANGER,
                        new Scores(0, 0, 0, 0), null, now));
    }

    private Relationship create(UUID gameId, UUID npcId, TargetType targetType, UUID targetId, RelationshipType type,
            Scores scores, @Nullable String notes, Instant now) {
        if (targetType == TargetType.NPC) {
            for (UUID end : List.of(npcId, targetId)) {
                if (relationships.countWithNpcs(gameId, end) >= MAX_RELATIONSHIPS) {
                    throw ProblemException.conflict("too_many_relationships", "NPC " + end + " already has "
                            + MAX_RELATIONSHIPS + " relationships with other NPCs, as many as one may have.");
                }
            }
        }
        try {
            return relationships.saveAndFlush(new Relationship(gameId, npcId, targetType, targetId, type, scores, notes,
                    now));
        }
        catch (DataIntegrityViolationException ex) {
            throw ProblemException.conflict("relationship_conflict", "The relationship between NPC " + npcId + " and "
                    + targetId + " was created by someone else at the same time. Retry.");
        }
    }

    private NpcView visible(GaiaPrincipal caller, UUID npcId) {
        return npcs.findFor(caller, npcId).orElseThrow(() -> NpcService.notFound(npcId));
    }

    /** A relationship with a player is that player's data: theirs and the game's designers' and admins'. */
    private static boolean maySee(GaiaPrincipal caller, TargetType targetType, UUID targetId) {
        return targetType == TargetType.NPC || caller.isDesignerOrAdmin() || caller.userId().equals(targetId);
    }

    private RelationshipResponse response(Relationship relationship, UUID npcId) {
        List<InteractionResponse> latest = interactions.findLatest(relationship.gameId(), relationship.id(),
                KEPT_INTERACTIONS).stream().map(RelationshipInteraction::response).toList();
        return RelationshipResponse.of(relationship, npcId, latest);
    }

    private static RelationshipSummary summary(Relationship relationship, UUID npcId) {
        return RelationshipSummary.of(relationship, npcId);
    }

    private static RelationshipStats.Trusted trusted(Relationship relationship, UUID npcId) {
        return new RelationshipStats.Trusted(relationship.counterpartOf(npcId), relationship.type(),
                relationship.scores().trust());
    }

    private static ProblemException notFound(UUID npcId, TargetType targetType, UUID targetId) {
        return ProblemException.notFound("relationship_not_found", "NPC " + npcId + " has no relationship with "
                + targetType.name().toLowerCase(Locale.ROOT) + " " + targetId + " that you may see.");
    }
}
