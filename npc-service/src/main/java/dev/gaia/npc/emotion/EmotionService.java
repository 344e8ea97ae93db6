package dev.gaia.npc.emotion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import dev.gaia.npc.lifestrand.LifeStrand;
import dev.gaia.npc.lifestrand.LifeStrand.EmotionalState;
import dev.gaia.npc.lifestrand.NpcChanged;
import dev.gaia.npc.lifestrand.NpcService;
import dev.gaia.npc.lifestrand.NpcView;
import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Characters' live feelings. A character without a stored state feels what its Life Strand's
 * {@code emotional_state} says (or its {@link PadBaseline baseline}) as of its last change; the
 * state is stored when something moves it, and always read drifted to now ({@link EmotionalDrift}).
 * A designer who gives the Life Strand a new {@code emotional_state} resets the live state to it.
 */
@Service
public class EmotionService {

    private final NpcEmotionRepository emotions;
    private final NpcService npcs;
    private final Duration halfLife;
    private final Clock clock;

    EmotionService(NpcEmotionRepository emotions, NpcService npcs, EmotionProperties properties,
            ObjectProvider<Clock> clock) {
        this.emotions = emotions;
        this.npcs = npcs;
        this.halfLife = properties.halfLife();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** How the character feels now, as far as the caller may see the character at all. */
    @Transactional(readOnly = true)
    EmotionalStateResponse read(GaiaPrincipal caller, UUID npcId) {
        NpcView npc = npcs.findFor(caller, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        Instant now = now();
        Optional<NpcEmotion> stored = emotions.findByNpcIdAndGameId(npcId, npc.gameId());
        return snapshot(npc, stored.map(NpcEmotion::stored).orElseGet(() -> seed(npc.lifeStrand())),
                stored.map(NpcEmotion::updatedAt).orElse(npc.updatedAt()), now);
    }

    /** Moves the character's feelings by what {@code event} means to it. */
    @Transactional
    AppraisalResponse appraise(UUID gameId, UUID npcId, AppraisalEvent event, double intensity, double sentiment) {
        NpcView npc = npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        Pad delta = Appraisal.delta(event, intensity, sentiment, bigFiveOf(npc.lifeStrand()));
        return new AppraisalResponse(event, intensity, event == AppraisalEvent.MESSAGE ? sentiment : null, delta,
                move(npc, delta));
    }

    /**
     * Moves the character's feelings by {@code delta} (each axis of the result cut to -1..1), as an
     * applied change proposal does.
     *
     * @return how the character feels afterwards
     * @throws ProblemException 404 {@code npc_not_found}
     */
    @Transactional
    public Pad shift(UUID gameId, UUID npcId, Pad delta) {
        NpcView npc = npcs.find(gameId, npcId).orElseThrow(() -> NpcService.notFound(npcId));
        return move(npc, delta).current();
    }

    /** A new {@code emotional_state} in the Life Strand replaces the live state (a new character has none yet). */
    @EventListener
    void onNpcChanged(NpcChanged changed) {
        if (changed.lifeStrand() == null || changed.version() == 1) {
            return;
        }
        EmotionalState seed = changed.lifeStrand().emotionalState();
        if (seed == null) {
            emotions.forgetSeeded(changed.npcId(), changed.gameId());
        }
        else {
            emotions.forgetSeededOtherThan(changed.npcId(), changed.gameId(), seed.pleasure(), seed.arousal(),
                    seed.dominance());
        }
    }

    private EmotionalStateResponse move(NpcView npc, Pad delta) {
        EmotionalState seed = npc.lifeStrand().emotionalState();
        Pad start = seed(npc.lifeStrand());
        emotions.start(npc.npcId(), npc.gameId(), start.pleasure(), start.arousal(), start.dominance(),
                seed == null ? null : seed.pleasure(), seed == null ? null : seed.arousal(),
                seed == null ? null : seed.dominance(), npc.updatedAt());
        NpcEmotion emotion = emotions.lock(npc.npcId(), npc.gameId()).orElseThrow();
        Instant now = now();
        Pad baseline = PadBaseline.of(bigFiveOf(npc.lifeStrand()));
        Pad current = EmotionalDrift.drift(emotion.stored(), baseline, Duration.between(emotion.updatedAt(), now),
                halfLife);
        Pad next = current.plus(delta);
        emotion.feel(next, now);
        return new EmotionalStateResponse(npc.npcId(), next, baseline, now, now);
    }

    private EmotionalStateResponse snapshot(NpcView npc, Pad stored, Instant updatedAt, Instant now) {
        Pad baseline = PadBaseline.of(bigFiveOf(npc.lifeStrand()));
        Pad current = EmotionalDrift.drift(stored, baseline, Duration.between(updatedAt, now), halfLife);
        return new EmotionalStateResponse(npc.npcId(), current, baseline, updatedAt, now);
    }

    private static Pad seed(LifeStrand lifeStrand) {
        EmotionalState state = lifeStrand.emotionalState();
        return state != null ? Pad.of(state) : PadBaseline.of(bigFiveOf(lifeStrand));
    }

    private static LifeStrand.@Nullable BigFive bigFiveOf(LifeStrand lifeStrand) {
        return lifeStrand.personality().bigFive();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is answered must equal what a later read finds.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
