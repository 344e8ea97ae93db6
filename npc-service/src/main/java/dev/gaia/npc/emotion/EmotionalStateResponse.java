package dev.gaia.npc.emotion;

import java.time.Instant;
import java.util.UUID;

/**
 * How a character feels.
 *
 * @param npcId the character
 * @param current how it feels now, drifted towards the baseline since {@code updatedAt}
 * @param baseline how it feels when nothing happens, from its Big Five
 * @param updatedAt when its feelings last moved
 * @param asOf the moment {@code current} describes
 */
record EmotionalStateResponse(UUID npcId, Pad current, Pad baseline, Instant updatedAt, Instant asOf) {
}
