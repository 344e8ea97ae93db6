package dev.gaia.npc.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.gaia.npc.emotion.EmotionService;
import dev.gaia.npc.emotion.Pad;
import dev.gaia.npc.lifestrand.ChangeReason;
import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.npc.lifestrand.NpcView;
import dev.gaia.npc.paging.PageCursor;
import dev.gaia.npc.proposal.ProposalRequest.Changes;
import dev.gaia.npc.proposal.ProposalRequest.Evidence;
import dev.gaia.npc.proposal.ProposalRequest.PadDelta;
import dev.gaia.npc.proposal.ProposalRequest.RelationshipDelta;
import dev.gaia.npc.relationship.RelationshipService;
import dev.gaia.npc.relationship.Scores;
import dev.gaia.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives change proposals and applies them: at once when their confidence reaches the game's
 * auto-approval threshold, else when a designer approves. Applying is one transaction: the Life
 * Strand parts as a new version ({@link ChangeReason#CONVERSATION_ANALYSIS}), the feelings through
 * {@link EmotionService}, the relationships through {@link RelationshipService}; if any part is
 * refused, nothing changes.
 */
@Service
class ProposalService {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };

    private final ChangeProposalRepository proposals;
    private final ProposalSettingsRepository settings;
    private final NpcService npcs;
    private final EmotionService emotions;
    private final RelationshipService relationships;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    ProposalService(ChangeProposalRepository proposals, ProposalSettingsRepository settings, NpcService npcs,
            EmotionService emotions, RelationshipService relationships, JsonMapper jsonMapper,
            ObjectProvider<Clock> clock) {
        this.proposals = proposals;
        this.settings = settings;
        this.npcs = npcs;
        this.emotions = emotions;
        this.relationships = relationships;
        this.jsonMapper = jsonMapper;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    ProposalResponse submit(UUID gameId, UUID npcId, ProposalRequest request, @Nullable UUID proposer) {
        npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        Changes changes = request.changes();
        if (changes.isEmpty()) {
            throw ProblemException.badRequest("empty_proposal", "A proposal must change something: see changes.");
        }
        for (RelationshipDelta delta : changes.relationshipDeltas()) {
            relationships.checkEnds(gameId, npcId, delta.targetType(), delta.targetId());
        }
        ProposalSettings current = settingsOf(gameId);
        ChangeProposal proposal = proposals.save(new ChangeProposal(gameId, npcId, request.confidence(),
                jsonMapper.writeValueAsString(request.evidence()), jsonMapper.writeValueAsString(changes), proposer,
                clock.instant()));
        if (request.confidence() >= current.autoApproveThreshold()) {
            apply(proposal, current, proposer, null, null);
        }
        return response(proposal);
    }

    @Transactional
    ProposalResponse approve(UUID gameId, UUID npcId, UUID proposalId, UUID designer, @Nullable String note) {
        ChangeProposal proposal = pending(gameId, npcId, proposalId);
        apply(proposal, settingsOf(gameId), designer, designer, note);
        return response(proposal);
    }

    @Transactional
    ProposalResponse reject(UUID gameId, UUID npcId, UUID proposalId, UUID designer, @Nullable String note) {
        ChangeProposal proposal = pending(gameId, npcId, proposalId);
        proposal.rejected(designer, note, clock.instant());
        return response(proposal);
    }

    @Transactional(readOnly = true)
    ProposalResponse get(UUID gameId, UUID npcId, UUID proposalId) {
        npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        return proposals.findByIdAndGameIdAndNpcId(proposalId, gameId, npcId).map(this::response)
                .orElseThrow(() -> notFound(proposalId));
    }

    /** A page of the character's proposals, newest first, of one status if given. */
    @Transactional(readOnly = true)
    ProposalPage list(UUID gameId, UUID npcId, @Nullable ProposalStatus status, int limit, @Nullable String cursor) {
        npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        ScrollPosition position = cursor == null ? ScrollPosition.keyset() : after(PageCursor.decode(cursor));
        Window<ChangeProposal> window = status == null
                ? proposals.findByGameIdAndNpcIdOrderByCreatedAtDescIdDesc(gameId, npcId, position, Limit.of(limit))
                : proposals.findByGameIdAndNpcIdAndStatusOrderByCreatedAtDescIdDesc(gameId, npcId, status, position,
                        Limit.of(limit));
        ChangeProposal last = window.isEmpty() ? null : window.getContent().getLast();
        String next = window.hasNext() && last != null ? new PageCursor(last.createdAt(), last.id()).encode() : null;
        return new ProposalPage(window.getContent().stream().map(this::response).toList(), next);
    }

    @Transactional(readOnly = true)
    SettingsResponse settings(UUID gameId) {
        return settingsOf(gameId).response();
    }

    @Transactional
    SettingsResponse changeSettings(UUID gameId, PutSettingsRequest request, UUID designer) {
        ProposalSettings current = settings.findById(gameId).orElseGet(() -> ProposalSettings.defaults(gameId));
        current.change(request.autoApproveThreshold(), request.maxTraitStep(), designer, clock.instant());
        try {
            return settings.saveAndFlush(current).response();
        }
        catch (DataIntegrityViolationException ex) {
            throw ProblemException.conflict("settings_conflict",
                    "The settings were changed by someone else at the same time. Read them again and retry.");
        }
    }

    private void apply(ChangeProposal proposal, ProposalSettings current, @Nullable UUID actor,
            @Nullable UUID decidedBy, @Nullable String note) {
        Changes changes = jsonMapper.readValue(proposal.changes(), Changes.class);
        UUID gameId = proposal.gameId();
        UUID npcId = proposal.npcId();
        ProposalOutcome outcome = new ProposalOutcome(null, List.of(), List.of());
        if (changes.touchesLifeStrand()) {
            String source = sourceOf(proposal);
            NpcView before = npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
            LifeStrandEdit.Result preview = LifeStrandEdit.apply(before.lifeStrand(), changes, current.maxTraitStep(),
                    source);
            outcome = preview.outcome();
            // A proposal whose every Life Strand part was left out (all known, no Big Five) makes no empty version.
            if (!preview.lifeStrand().equals(before.lifeStrand())) {
                ProposalOutcome[] edited = {outcome};
                NpcView after = npcs.change(gameId, npcId, actor, ChangeReason.CONVERSATION_ANALYSIS,
                        "Change proposal " + proposal.id(), null, lifeStrand -> {
                            LifeStrandEdit.Result result = LifeStrandEdit.apply(lifeStrand, changes,
                                    current.maxTraitStep(), source);
                            edited[0] = result.outcome();
                            return result.lifeStrand();
                        });
                outcome = edited[0].withVersion(after.version());
            }
        }
        PadDelta pad = changes.padDelta();
        if (pad != null) {
            emotions.shift(gameId, npcId, new Pad(pad.pleasure(), pad.arousal(), pad.dominance()));
        }
        for (RelationshipDelta delta : changes.relationshipDeltas()) {
            relationships.adjust(gameId, npcId, delta.targetType(), delta.targetId(),
                    new Scores(delta.trust(), delta.affinity(), delta.familiarity(), delta.respect()), delta.type());
        }
        proposal.applied(jsonMapper.writeValueAsString(outcome), decidedBy, note, clock.instant());
    }

    /** Where learned facts come from: the first conversation of the evidence, or the proposal itself. */
    private String sourceOf(ChangeProposal proposal) {
        return jsonMapper.readValue(proposal.evidence(), EVIDENCE).stream()
                .map(Evidence::conversationId)
                .filter(Objects::nonNull)
                .findFirst()
                .map(id -> LifeStrand.KnowledgeFact.CONVERSATION_SOURCE + id)
                .orElse(LifeStrand.KnowledgeFact.PROPOSAL_SOURCE + proposal.id());
    }

    private ChangeProposal pending(UUID gameId, UUID npcId, UUID proposalId) {
        npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        ChangeProposal proposal = proposals.lock(proposalId, gameId, npcId).orElseThrow(() -> notFound(proposalId));
        if (proposal.status() != ProposalStatus.PENDING) {
            throw ProblemException.conflict("proposal_not_pending",
                    "Proposal " + proposalId + " was " + proposal.status().name().toLowerCase(Locale.ROOT)
                            + " already; only a pending proposal can be approved or rejected.");
        }
        return proposal;
    }

    private ProposalSettings settingsOf(UUID gameId) {
        return settings.findById(gameId).orElseGet(() -> ProposalSettings.defaults(gameId));
    }

    private ProposalResponse response(ChangeProposal proposal) {
        String outcome = proposal.outcome();
        return new ProposalResponse(proposal.id(), proposal.npcId(), proposal.status(), proposal.confidence(),
                jsonMapper.readValue(proposal.evidence(), EVIDENCE),
                jsonMapper.readValue(proposal.changes(), Changes.class),
                outcome == null ? null : jsonMapper.readValue(outcome, ProposalOutcome.class),
                proposal.createdAt(), proposal.createdBy(), proposal.decidedAt(), proposal.decidedBy(),
                proposal.decisionNote());
    }

    /** The keyset position just past {@code cursor}, in the order the repository pages proposals. */
    private static ScrollPosition after(PageCursor cursor) {
        return ScrollPosition.forward(Map.of("createdAt", cursor.createdAt(), "id", cursor.id()));
    }

    private static ProblemException notFound(UUID proposalId) {
        return ProblemException.notFound("proposal_not_found", "There is no proposal " + proposalId + " of this NPC.");
    }
}
