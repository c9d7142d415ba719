package org.dubgate.application.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed, immutable storage for media and documents. Storing the same bytes twice keeps
 * one copy. A local folder today; S3-compatible object storage can implement the same port.
 */
public interface ContentStore {

    /**
     * Streams {@code in} into storage without holding it in memory.
     *
     * @throws ContentTooLargeException after {@code maxBytes} bytes; the partial copy is removed
     */
    StoredContent store(InputStream in, long maxBytes) throws IOException;

    /**
     * Stores a file the server made itself (no size limit: it is not an upload). The store may take
     * the file over: afterwards it may no longer be where it was.
     */
    default StoredContent store(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return store(in, Long.MAX_VALUE);
        }
    }

    /**
     * Removes what uploads cut short by a crash left behind: those of earlier starts of this node at
     * once, any other after a day (another node sharing the storage may still be writing it).
     *
     * @return how many were removed
     */
    int sweepAbandonedUploads();

    /**
     * Removes the content (a TEMP delivery past its retention). The caller makes sure nothing else
     * still refers to it: storing the same bytes twice keeps one copy.
     *
     * @return whether there was something to remove
     */
    boolean remove(String sha256) throws IOException;

    /** A local file with the content, for tools such as FFmpeg that need a path. */
    Optional<Path> localFile(String sha256);
}
