package dev.gaia.model.provider;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * An answer's bytes handed out chunk by chunk as they are made: each chunk is produced only when
 * the previous one has been read, so a reader sees every event when it came into being.
 */
public abstract class ChunkedInputStream extends InputStream {

    private static final byte[] EMPTY = new byte[0];

    private byte[] pending = EMPTY;
    private int position;

    /** The next chunk of bytes, possibly empty, or {@code null} when the answer has ended. */
    protected abstract byte @Nullable [] nextChunk() throws IOException;

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, pending.length - position);
        System.arraycopy(pending, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return pending.length - position;
    }

    private boolean fill() throws IOException {
        while (position == pending.length) {
            byte[] next = nextChunk();
            if (next == null) {
                return false;
            }
            pending = next;
            position = 0;
        }
        return true;
    }
}
