package dev.gaia.shared.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.gaia.shared.security.GaiaClaims;
import dev.gaia.shared.security.Roles;

/**
 * Access tokens as auth-service issues them, for tests of services that verify them: RS256
 * JWTs with a {@code kid} header and exactly the claims of a Gaia access token ({@code iss}
 * {@value GaiaClaims#ISSUER}, {@code sub}, {@code game_id}, {@code roles}, {@code name},
 * {@code exp}), signed with a key pair generated at start and published as a JWKS on
 * {@code http://127.0.0.1:<port>/.well-known/jwks.json} (see {@link #jwksUri()}).
 *
 * <p>{@link RealInfrastructure} points {@code gaia.security.jwks-uri} at {@link #shared() the
 * shared instance} and exposes it as a bean:
 *
 * <pre>{@code
 * @Autowired TestTokens tokens;
 * ...
 * String bearer = tokens.designer(gameId);
 * }</pre>
 */
public final class TestTokens implements AutoCloseable {

    /** How long the tokens are valid, as auth-service's default. */
    public static final Duration TTL = Duration.ofMinutes(15);

    private static final String JWKS_PATH = "/.well-known/jwks.json";

    private static TestTokens shared;

    private final RSAKey key;
    private final RSAKey unpublishedKey;
    private final HttpServer server;

    private TestTokens() {
        this.key = generateKey();
        this.unpublishedKey = generateKey();
        this.server = startJwksServer(new JWKSet(key.toPublicJWK()).toString());
    }

    /**
     * The instance shared by every test of this JVM; its JWKS server stops when the JVM exits.
     *
     * @return the shared instance
     */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = new TestTokens();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "gaia-test-jwks-stop"));
        }
        return shared;
    }

    /**
     * A separate instance with its own key and JWKS server, for tests that need one; close it.
     *
     * @return a new instance
     */
    public static TestTokens start() {
        return new TestTokens();
    }

    /**
     * @return where the public key is published, for {@code gaia.security.jwks-uri}
     */
    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH);
    }

    /**
     * @param gameId the game the token is for
     * @return a token of a new user named {@code player} with the role {@code player}
     */
    public String player(UUID gameId) {
        return token(UUID.randomUUID(), gameId, "player", Set.of(Roles.PLAYER));
    }

    /**
     * @param gameId the game the token is for
     * @return a token of a new user named {@code designer} with the role {@code designer}
     */
    public String designer(UUID gameId) {
        return token(UUID.randomUUID(), gameId, "designer", Set.of(Roles.DESIGNER));
    }

    /**
     * @param gameId the game the token is for
     * @return a token of a new user named {@code admin} with the role {@code admin}
     */
    public String admin(UUID gameId) {
        return token(UUID.randomUUID(), gameId, "admin", Set.of(Roles.ADMIN));
    }

    /**
     * @param userId the {@code sub} claim
     * @param gameId the {@code game_id} claim
     * @param name the {@code name} claim (the username)
     * @param roles the {@code roles} claim
     * @return a valid signed token, without the {@code Bearer } prefix
     */
    public String token(UUID userId, UUID gameId, String name, Set<String> roles) {
        return sign(key, userId, gameId, name, roles, Instant.now().plus(TTL));
    }

    /**
     * @param gameId the game the token is for
     * @return a player token that expired an hour ago
     */
    public String expired(UUID gameId) {
        return expired(UUID.randomUUID(), gameId, "player", Set.of(Roles.PLAYER));
    }

    /**
     * @param userId the {@code sub} claim
     * @param gameId the {@code game_id} claim
     * @param name the {@code name} claim
     * @param roles the {@code roles} claim
     * @return a token that is correct in every way except that it expired an hour ago
     */
    public String expired(UUID userId, UUID gameId, String name, Set<String> roles) {
        return sign(key, userId, gameId, name, roles, Instant.now().minus(Duration.ofHours(1)));
    }

    /**
     * @param gameId the game the token is for
     * @return a player token signed with a key the JWKS does not publish
     */
    public String signedByUnknownKey(UUID gameId) {
        return sign(unpublishedKey, UUID.randomUUID(), gameId, "player", Set.of(Roles.PLAYER), Instant.now().plus(TTL));
    }

    /** Stops the JWKS server. */
    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(RSAKey signingKey, UUID userId, UUID gameId, String name, Set<String> roles,
            Instant expiresAt) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(GaiaClaims.ISSUER)
                .subject(userId.toString())
                .claim(GaiaClaims.GAME_ID, gameId.toString())
                .claim(GaiaClaims.ROLES, List.copyOf(roles))
                .claim(GaiaClaims.NAME, name)
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign a test token", ex);
        }
        return jwt.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }

    private static HttpServer startJwksServer(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            server.createContext(JWKS_PATH, exchange -> serve(exchange, body));
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start the test JWKS server", ex);
        }
    }

    private static void serve(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
