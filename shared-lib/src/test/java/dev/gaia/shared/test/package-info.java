/**
 * Test support for every Gaia service: real infrastructure for integration tests and tokens
 * that the services' security accepts.
 *
 * <p>{@link dev.gaia.shared.test.RealInfrastructure} gives a {@code @SpringBootTest} a real
 * PostgreSQL with pgvector, Redis and NATS JetStream, and a local JWKS that
 * {@link dev.gaia.shared.test.TestTokens} signs with. Each part is found once per JVM: the
 * instance named by the {@code GAIA_TEST_*} environment variables ({@code ./gaia test} sets
 * them), else a process started from the installed binaries, else a Testcontainers container
 * when a Docker engine answers, else an {@link dev.gaia.shared.test.InfrastructureUnavailableException}
 * that says how to get one. Never an in-memory stand-in, never a silent skip.
 */
package dev.gaia.shared.test;
