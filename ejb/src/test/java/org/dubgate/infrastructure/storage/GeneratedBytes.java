package org.dubgate.infrastructure.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Content of any size made up as it is read, never held whole: each byte is a function of its
 * position, so any range of it can be known without reading what comes before.
 */
final class GeneratedBytes {

    private GeneratedBytes() {
    }

    static byte at(long position) {
        long x = (position + 1) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        return (byte) (x * 0xBF58476D1CE4E5B9L >>> 56);
    }

    static byte[] range(long from, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = at(from + i);
        }
        return bytes;
    }

    static InputStream stream(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? at(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    buf[off + i] = at(position++);
                }
                return n;
            }
        };
    }

    static String sha256(long size) throws IOException {
        return sha256(stream(size));
    }

    /** The SHA-256 of what the stream holds, read to its end and closed. */
    static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest sha = S3Uploads.sha256();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
