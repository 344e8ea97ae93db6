/**
 * What every Gaia service shares and nothing more: the problem-details error model, JWT
 * verification and the caller's identity, the event envelope with its subjects, the outbox
 * relay to NATS JetStream. No business rules live here.
 */
package dev.gaia.shared;
