package org.dubgate.infrastructure.storage;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Exactly {@code length} bytes of a stream: the end comes after them, and an earlier end is an error
 * rather than a short read, so a download cut off by storage is never taken for the whole range.
 * Closed before its end, it runs {@code onEarlyClose} first (an HTTP response is then aborted
 * instead of read to its end to keep the connection).
 */
final class ExactStream extends FilterInputStream {

    private final long length;
    private final Runnable onEarlyClose;
    private long remaining;

    ExactStream(InputStream in, long length, Runnable onEarlyClose) {
        super(in);
        this.length = length;
        this.remaining = length;
        this.onEarlyClose = onEarlyClose;
    }

    ExactStream(InputStream in, long length) {
        this(in, length, () -> { });
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int b = super.read();
        if (b < 0) {
            throw cutShort();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (remaining == 0) {
            return len == 0 ? 0 : -1;
        }
        int n = super.read(buf, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw cutShort();
        }
        remaining -= n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0) {
            onEarlyClose.run();
        }
        super.close();
    }

    private EOFException cutShort() {
        return new EOFException("storage ended " + remaining + " bytes short of the " + length + " asked for");
    }
}
