package dev.gaia.npc.relationship;

import java.time.Instant;

/**
 * A recorded interaction.
 *
 * @param quality how it went, -1..1
 * @param summary what happened
 * @param occurredAt when
 */
record InteractionResponse(double quality, String summary, Instant occurredAt) {
}
