package dev.gaia.shared.test;

/**
 * A piece of infrastructure this JVM started, and what stops it again.
 *
 * @param endpoint how tests reach it
 * @param resource closing it stops the infrastructure
 * @param <E> the kind of endpoint
 */
record StartedInfrastructure<E>(E endpoint, AutoCloseable resource) {
}
