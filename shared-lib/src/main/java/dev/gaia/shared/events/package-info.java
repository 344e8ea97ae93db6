/**
 * Facts services publish for others to react to (DESIGN §4): the CloudEvents-style
 * {@link dev.gaia.shared.events.EventEnvelope}, subject names, the NATS JetStream connection
 * and stream, and the transactional outbox that makes sure an event is published once its
 * change has committed, and never lost.
 */
package dev.gaia.shared.events;
