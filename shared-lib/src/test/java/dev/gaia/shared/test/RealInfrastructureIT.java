package dev.gaia.shared.test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import io.nats.client.Connection.Status;
import io.nats.client.Nats;
import io.nats.client.api.AccountStatistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import dev.gaia.shared.security.GaiaClaims;
import dev.gaia.shared.security.GaiaClaimsValidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringJUnitConfig(RealInfrastructure.class)
class RealInfrastructureIT {

    @Autowired
    Environment environment;

    @Autowired
    TestTokens tokens;

    @Test
    void postgresHasThePgvectorExtension() throws Exception {
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet vector = statement.executeQuery("select extversion from pg_extension where extname = 'vector'")) {
            assertThat(vector.next()).as("the vector extension exists").isTrue();
            assertThat(vector.getString(1)).isNotBlank();
        }
    }

    @Test
    void postgresComputesVectorDistances() throws Exception {
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet distance = statement.executeQuery("select '[1,0]'::vector <-> '[0,0]'::vector")) {
            assertThat(distance.next()).isTrue();
            assertThat(distance.getDouble(1)).isEqualTo(1.0);
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        try (Socket socket = new Socket(environment.getRequiredProperty("spring.data.redis.host"),
                environment.getRequiredProperty("spring.data.redis.port", Integer.class))) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void natsHasJetStream() throws Exception {
        try (io.nats.client.Connection nats = Nats.connect(environment.getRequiredProperty("gaia.nats.url"))) {
            assertThat(nats.getStatus()).isEqualTo(Status.CONNECTED);
            AccountStatistics account = nats.jetStreamManagement().getAccountStatistics();
            assertThat(account).isNotNull();
        }
    }

    @Test
    void tokensVerifyAgainstTheJwksLikeEveryService() throws ParseException {
        UUID userId = UUID.randomUUID();
        UUID gameId = UUID.randomUUID();
        NimbusJwtDecoder decoder = serviceDecoder();

        String token = tokens.token(userId, gameId, "elena-fan", Set.of("player", "designer"));
        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getHeaders()).containsKey("kid");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(GaiaClaims.ISSUER);
        assertThat(jwt.getSubject()).isEqualTo(userId.toString());
        assertThat(jwt.getClaimAsString(GaiaClaims.GAME_ID)).isEqualTo(gameId.toString());
        assertThat(jwt.getClaimAsStringList(GaiaClaims.ROLES)).containsExactlyInAnyOrder("player", "designer");
        assertThat(jwt.getClaimAsString(GaiaClaims.NAME)).isEqualTo("elena-fan");
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now());
        // Spring's decoder adds iat when it is absent, so the claim names are read from the token itself.
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims())
                .containsOnlyKeys("iss", "sub", "game_id", "roles", "name", "exp");
    }

    @Test
    void roleShortcutsCarryTheirRole() {
        UUID gameId = UUID.randomUUID();
        NimbusJwtDecoder decoder = serviceDecoder();

        assertThat(decoder.decode(tokens.player(gameId)).getClaimAsStringList(GaiaClaims.ROLES)).containsExactly("player");
        assertThat(decoder.decode(tokens.designer(gameId)).getClaimAsStringList(GaiaClaims.ROLES)).containsExactly("designer");
        assertThat(decoder.decode(tokens.admin(gameId)).getClaimAsStringList(GaiaClaims.ROLES)).containsExactly("admin");
    }

    @Test
    void expiredTokensAreRejected() {
        NimbusJwtDecoder decoder = serviceDecoder();

        assertThatThrownBy(() -> decoder.decode(tokens.expired(UUID.randomUUID())))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void tokensSignedByAnUnpublishedKeyAreRejected() {
        NimbusJwtDecoder decoder = serviceDecoder();

        assertThatThrownBy(() -> decoder.decode(tokens.signedByUnknownKey(UUID.randomUUID())))
                .isInstanceOf(BadJwtException.class);
    }

    /** Built as shared-lib's security builds it for every service. */
    private NimbusJwtDecoder serviceDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(environment.getRequiredProperty("gaia.security.jwks-uri")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(GaiaClaims.ISSUER), new GaiaClaimsValidator()));
        return decoder;
    }
}
