package dev.gaia.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for npc-service's {@code GET /api/npcs/{id}}: answers the Life Strands it was given,
 * each only to tokens of its own game, as npc-service does (another game's NPC is a 404).
 */
final class NpcServiceStub implements AutoCloseable {

    private static final String PATH = "/api/npcs/";

    private final JsonMapper json = JsonMapper.shared();
    private final Map<UUID, ObjectNode> npcs = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile boolean down;

    private NpcServiceStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    static NpcServiceStub start() {
        try {
            return new NpcServiceStub();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start the npc-service stub", ex);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds an NPC to a game, from a Life Strand in npc-service's JSON; returns its id. */
    UUID add(UUID gameId, String lifeStrand) {
        UUID id = UUID.randomUUID();
        ObjectNode npc = (ObjectNode) json.readTree(lifeStrand);
        npc.put("npc_id", id.toString()).put("game_id", gameId.toString());
        npcs.put(id, npc);
        return id;
    }

    /** Whether every request fails as a service that is down does, with a 503. */
    void down(boolean down) {
        this.down = down;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                send(exchange, 503, "{\"code\":\"unavailable\"}");
                return;
            }
            ObjectNode npc = npcs.get(UUID.fromString(exchange.getRequestURI().getPath().substring(PATH.length())));
            String game = gameOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (npc == null || !npc.path("game_id").asString().equals(game)) {
                send(exchange, 404, "{\"code\":\"npc_not_found\"}");
                return;
            }
            send(exchange, 200, json.writeValueAsString(npc));
        }
    }

    /** The {@code game_id} claim of a bearer token; the signature is the service's to check, not the stub's. */
    private String gameOf(String authorization) {
        String token = authorization.substring("Bearer ".length());
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonNode claims = json.readTree(payload);
        return claims.path("game_id").asString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String contentType = status == 200 ? "application/json" : "application/problem+json";
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
