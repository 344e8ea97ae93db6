package dev.gaia.model.resilience;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Keeps time on one streamed answer and ends it when it stays silent too long: while the
 * provider has not answered the request yet, the waiting thread is interrupted; once the answer
 * streams, it is closed, so that its reader sees the stream break off. Until the first token
 * the limit is {@code first-token}, measured from the request (events without a token, such as
 * keep-alive comments, do not extend it); then {@code idle-between-tokens} from the last bytes read. {@link #check()} is called periodically by a scheduler.
 */
final class StreamWatch {

    private enum Phase { AWAITING_ANSWER, STREAMING, EXPIRED, DONE }

    private final Thread caller;
    private final long firstTokenNanos;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private volatile long lastActivity;
    private volatile boolean firstTokenArrived;
    private @Nullable Runnable cancel;
    private Phase phase = Phase.AWAITING_ANSWER;

    StreamWatch(Thread caller, Duration firstToken, Duration idleBetweenTokens) {
        this(caller, firstToken, idleBetweenTokens, System::nanoTime);
    }

    /** @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} tells it */
    StreamWatch(Thread caller, Duration firstToken, Duration idleBetweenTokens, LongSupplier nanoClock) {
        this.caller = caller;
        this.firstTokenNanos = firstToken.toNanos();
        this.idleNanos = idleBetweenTokens.toNanos();
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastActivity = startNanos;
    }

    /** Ends the answer if it has been silent longer than its limit. */
    void check() {
        Runnable cancelling;
        synchronized (this) {
            long silentSince = firstTokenArrived ? lastActivity : startNanos;
            long limit = firstTokenArrived ? idleNanos : firstTokenNanos;
            if (nanoClock.getAsLong() - silentSince <= limit || phase == Phase.EXPIRED || phase == Phase.DONE) {
                return;
            }
            Phase was = phase;
            phase = Phase.EXPIRED;
            if (was == Phase.AWAITING_ANSWER) {
                caller.interrupt();
                return;
            }
            cancelling = cancel;
        }
        if (cancelling != null) {
            cancelling.run();
        }
    }

    /**
     * The provider answered (or failed): from now on expiry closes the answer through
     * {@code cancel} rather than interrupting the caller.
     *
     * @return whether the first token's time had not already run out; when it had, the caller's
     *         interrupt is cleared
     */
    synchronized boolean answered(Runnable cancel) {
        this.cancel = cancel;
        if (phase == Phase.EXPIRED) {
            Thread.interrupted();
            return false;
        }
        phase = Phase.STREAMING;
        return true;
    }

    /** What closes the answer when it expires, once the answer is read through another stream. */
    synchronized void cancelWith(Runnable cancel) {
        this.cancel = cancel;
    }

    /** The first token arrived: the idle limit applies from now on. */
    void firstTokenArrived() {
        lastActivity = nanoClock.getAsLong();
        firstTokenArrived = true;
    }

    /** Whether the answer was ended for being silent too long. */
    synchronized boolean expired() {
        return phase == Phase.EXPIRED;
    }

    /** The answer has ended; nothing is checked any more. */
    synchronized void done() {
        if (phase != Phase.EXPIRED) {
            phase = Phase.DONE;
        }
    }

    /** {@code in} read with every byte counted as a sign of life. */
    InputStream watching(InputStream in) {
        return new FilterInputStream(in) {

            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    lastActivity = nanoClock.getAsLong();
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    lastActivity = nanoClock.getAsLong();
                }
                return read;
            }
        };
    }
}
