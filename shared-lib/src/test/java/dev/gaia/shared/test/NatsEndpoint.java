package dev.gaia.shared.test;

/**
 * A NATS server with JetStream enabled, as integration tests reach it.
 *
 * @param url for example {@code nats://127.0.0.1:24222}
 */
public record NatsEndpoint(String url) {
}
