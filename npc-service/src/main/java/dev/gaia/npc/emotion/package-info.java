/**
 * How a character feels: a point in PAD space (pleasure, arousal, dominance) kept apart from the
 * Life Strand's versions, drifting back to a baseline derived from the character's Big Five, and
 * moved by appraised events of a conversation (praise, insult, gift, threat, help, loss, the
 * sentiment of a message).
 */
@NullMarked
package dev.gaia.npc.emotion;

import org.jspecify.annotations.NullMarked;
