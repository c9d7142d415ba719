package org.dubgate.application.port;

import java.io.IOException;
import java.io.InputStream;
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

    /** A local file with the content, for tools such as FFmpeg that need a path. */
    Optional<Path> localFile(String sha256);
}
