package org.dubgate.application.port;

import java.io.IOException;
import java.io.InputStream;

/**
 * Stored bytes to read where they are, for downloads: a web resource streams the range a client asked
 * for straight from storage, with no local copy of the object (an object store need not be a disk).
 * The content is immutable, so its size and any range read are the same on every node at any time.
 */
public interface ContentSource {

    /** The content's SHA-256, hex, lower case: its address and its ETag. */
    String sha256();

    long size();

    /**
     * The {@code length} bytes from {@code offset}: exactly those, or an {@link IOException} while
     * reading if storage cannot give them all. The caller closes the stream.
     *
     * @throws IllegalArgumentException when the range is not inside the content
     */
    InputStream open(long offset, long length) throws IOException;

    /** All the bytes. */
    default InputStream open() throws IOException {
        return open(0, size());
    }

    /** Refuses a range that is not inside content of {@code size} bytes (an empty one at the end is inside). */
    static void requireInside(long offset, long length, long size) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new IllegalArgumentException("bytes " + offset + " to " + offset + "+" + length
                    + " are not inside content of " + size + " bytes");
        }
    }
}
