package dev.gaia.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import dev.gaia.shared.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WebSocket upgrades on {@code /ws} and {@code /rpc} reach chat-service, token checked first. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWebSocketIT {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final UUID GAME = UUID.randomUUID();
    /** Stands in for chat-service: echoes every text frame with the path it arrived on. */
    private static final DisposableServer CHAT = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .ws("/ws", (in, out) -> out.sendString(in.receive().asString().map(text -> "ws:" + text)))
                    .ws("/rpc", (in, out) -> out.sendString(in.receive().asString().map(text -> "rpc:" + text))))
            .bindNow();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gaia.security.jwks-uri", () -> TOKENS.jwksUri().toString());
        registry.add("GAIA_CHAT_URL", () -> "http://127.0.0.1:" + CHAT.port());
    }

    @AfterAll
    static void stopServices() {
        CHAT.disposeNow();
    }

    @Test
    void relaysFramesBothWaysOnWs() {
        assertThat(exchange("/ws", TOKENS.player(GAME), "{\"type\":\"subscribe_npc\"}"))
                .containsExactly("ws:{\"type\":\"subscribe_npc\"}");
    }

    @Test
    void relaysFramesBothWaysOnRpc() {
        assertThat(exchange("/rpc", TOKENS.player(GAME), "{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\",\"id\":1}"))
                .containsExactly("rpc:{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\",\"id\":1}");
    }

    /**
     * The client sends its frame the moment it reads the 101. Before the upgrade was answered on
     * its connection's event loop, about one such frame in six reached the finished HTTP
     * exchange and was dropped; a hundred in a row all arriving shows the race is gone.
     */
    @Test
    void relaysTheFirstFrameOfEveryConnection() {
        for (int i = 0; i < 50; i++) {
            for (String path : List.of("/ws", "/rpc")) {
                assertThat(exchange(path, TOKENS.player(GAME), "frame " + i))
                        .as("the echo of the first frame of connection %d on %s", i, path)
                        .containsExactly(path.substring(1) + ":frame " + i);
            }
        }
    }

    @Test
    void refusesUpgradeWithoutToken() {
        assertThatThrownBy(() -> exchange("/ws", null, "hello"))
                .hasMessageContaining("401");
    }

    private List<String> exchange(String path, String token, String message) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        List<String> received = new CopyOnWriteArrayList<>();
        // A connection of its own each time: a refused upgrade must not leave a pooled connection behind
        // that the next exchange would try to upgrade again.
        new ReactorNettyWebSocketClient(HttpClient.create(ConnectionProvider.newConnection()))
                .execute(URI.create("ws://localhost:" + port + path), headers, session -> session
                        .send(Mono.just(session.textMessage(message)))
                        .thenMany(session.receive().take(1).map(WebSocketMessage::getPayloadAsText))
                        .doOnNext(received::add)
                        .then())
                .block(Duration.ofSeconds(10));
        return received;
    }
}
