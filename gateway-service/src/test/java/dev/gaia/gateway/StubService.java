package dev.gaia.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the services behind the gateway, on a free local port: it answers auth-service's
 * public paths, echoes what reached it, and streams replies line by line.
 */
final class StubService implements AutoCloseable {

    private final HttpServer server;
    private volatile StreamProbe probe = new StreamProbe();

    StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/auth/.well-known/jwks.json",
                exchange -> send(exchange, 200, "application/json", "{\"keys\":[]}"));
        server.createContext("/api/auth/login", exchange -> send(exchange, 200, "application/json",
                "{\"access_token\":\"from-auth\"}"));
        server.createContext("/api/npcs", exchange -> send(exchange, 200, "application/json",
                "{\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"authorization\":\""
                        + exchange.getRequestHeaders().getFirst("Authorization") + "\"}"));
        server.createContext("/api/conversations/ndjson", exchange -> stream(exchange, "application/x-ndjson",
                List.of("{\"token\":\"Hel\"}\n", "{\"token\":\"lo\"}\n", "{\"done\":true,\"content\":\"Hello\"}\n")));
        server.createContext("/api/conversations/sse", exchange -> stream(exchange, "text/event-stream",
                List.of("data: {\"token\":\"Hel\"}\n\n", "data: {\"token\":\"lo\"}\n\n",
                        "data: {\"done\":true,\"content\":\"Hello\"}\n\n")));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Arms the next streamed reply: it waits, after its first chunk, until the client has seen it. */
    StreamProbe nextStream() {
        probe = new StreamProbe();
        return probe;
    }

    /** A local URL nothing listens on. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void stream(HttpExchange exchange, String contentType, List<String> chunks) throws IOException {
        StreamProbe current = probe;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(chunks.getFirst().getBytes(StandardCharsets.UTF_8));
            body.flush();
            current.seenBeforeRest = current.firstChunkSeen.await(20, TimeUnit.SECONDS);
            for (String chunk : chunks.subList(1, chunks.size())) {
                body.write(chunk.getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What one streamed reply observed about its client. */
    static final class StreamProbe {

        private final CountDownLatch firstChunkSeen = new CountDownLatch(1);
        private volatile boolean seenBeforeRest;

        /** Tells the stub the client has received the first chunk, so it may send the rest. */
        void clientSawFirstChunk() {
            firstChunkSeen.countDown();
        }

        /** Whether the client saw the first chunk while the stub still held back the rest. */
        boolean clientSawFirstChunkBeforeTheRest() {
            return seenBeforeRest;
        }
    }
}
