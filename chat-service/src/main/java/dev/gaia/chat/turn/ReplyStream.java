package dev.gaia.chat.turn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import dev.gaia.shared.problem.ProblemDetails;
import dev.gaia.shared.problem.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * The response a reply streams into. Nothing is sent before the first event, so until then a
 * failure is still answered with a status and problem details of its own; after that every
 * event is flushed the moment it is written. While the model is silent, an SSE reply sends a
 * comment every heartbeat interval from a virtual thread of its own; a lock keeps its writes
 * and the turn's apart.
 */
final class ReplyStream {

    private final HttpServletResponse response;
    private final ReplyFormat format;
    private final JsonMapper json;
    private final ProblemDetails problems;
    private final Duration heartbeatInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable OutputStream body;
    private @Nullable Thread heartbeats;
    private long lastWrite = System.nanoTime();
    private boolean clientGone;
    private boolean finished;

    ReplyStream(HttpServletResponse response, ReplyFormat format, JsonMapper json, ProblemDetails problems,
            Duration heartbeatInterval) {
        this.response = response;
        this.format = format;
        this.json = json;
        this.problems = problems;
        this.heartbeatInterval = heartbeatInterval;
    }

    /** The model has begun its reply: from now on an idle stream sends heartbeats. */
    void open() {
        String heartbeat = format.heartbeat();
        if (heartbeat != null) {
            heartbeats = Thread.ofVirtual().name("reply-heartbeat").start(() -> beat(heartbeat));
        }
    }

    /** Whether anything was sent: from then on the status is 200 and errors travel in the stream. */
    boolean started() {
        lock.lock();
        try {
            return body != null;
        }
        finally {
            lock.unlock();
        }
    }

    void token(String token) throws IOException {
        send(new ReplyEvent.Token(token));
    }

    void done(UUID turnId, String content) throws IOException {
        send(new ReplyEvent.Done(turnId, content));
    }

    /**
     * Ends the reply with a problem: as the last event once the reply has begun, else by throwing
     * it, to be answered as a plain problem response.
     */
    void fail(ProblemException problem) throws IOException {
        lock.lock();
        try {
            if (body == null) {
                finished = true;
                throw problem;
            }
            ProblemDetail detail = problems.decorate(problem.toProblemDetail(), problem.code());
            write(frame(new ReplyEvent.Error(ProblemDetails.toJsonMembers(detail))));
        }
        finally {
            lock.unlock();
        }
    }

    /** No more heartbeats: the turn is over and the response ends with the request. */
    void finish() {
        lock.lock();
        try {
            finished = true;
        }
        finally {
            lock.unlock();
        }
        if (heartbeats != null) {
            heartbeats.interrupt();
        }
    }

    private void send(ReplyEvent event) throws IOException {
        String frame = frame(event);
        lock.lock();
        try {
            write(frame);
        }
        finally {
            lock.unlock();
        }
    }

    private String frame(ReplyEvent event) {
        return format.frame(json.writeValueAsString(event));
    }

    /** Writes and flushes one frame, committing the response first if needed. Holds the lock. */
    private void write(String frame) throws IOException {
        if (clientGone) {
            throw new IOException("The client has gone away");
        }
        try {
            if (body == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(format.mediaType().toString());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                // Tells nginx and its kind to pass every event on at once.
                response.setHeader("X-Accel-Buffering", "no");
                body = response.getOutputStream();
            }
            body.write(frame.getBytes(StandardCharsets.UTF_8));
            body.flush();
            lastWrite = System.nanoTime();
        }
        catch (IOException ex) {
            clientGone = true;
            throw ex;
        }
    }

    private void beat(String heartbeat) {
        try {
            while (true) {
                Thread.sleep(heartbeatInterval);
                lock.lock();
                try {
                    if (finished || clientGone) {
                        return;
                    }
                    if (System.nanoTime() - lastWrite >= heartbeatInterval.toNanos()) {
                        write(heartbeat);
                    }
                }
                finally {
                    lock.unlock();
                }
            }
        }
        catch (InterruptedException ex) {
            // The turn finished.
        }
        catch (IOException ex) {
            // The client went away; the turn notices at its next write and cancels the model's reply.
        }
    }
}
