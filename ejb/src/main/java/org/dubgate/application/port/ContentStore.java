package org.dubgate.application.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed, immutable storage for media and documents. Storing the same bytes twice keeps
 * one copy. A local (or shared) folder, or an S3-compatible object store; {@code dubgate.storage}
 * chooses. Downloads read through {@link #find}; tools that need a path ask for {@link #localFile}.
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
     * Stores a file the server made itself whose SHA-256 and size its writer took as it wrote it, so
     * the store need not read it again to address it. The store may trust the digest (only the
     * server's own writers know one) but not more: a file whose size differs is refused. By default
     * the file is hashed all the same.
     *
     * @param sha256 the file's SHA-256, hex, lower case
     */
    default StoredContent store(Path file, String sha256, long sizeBytes) throws IOException {
        return store(file);
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

    /**
     * The stored content, to be read where it is (downloads: ranges streamed to a client, with no
     * local copy made). Empty when nothing is stored under that digest, or it is not a digest.
     */
    Optional<ContentSource> find(String sha256);

    /**
     * A local file with the content, for tools such as FFmpeg that need a path; never to be changed.
     * A remote store fetches the object into this node's cache folder first (to a temporary file in
     * that folder, its size checked, then moved into place atomically): the content is addressed by
     * its digest and immutable, so a cached copy is always valid. Empty when nothing is stored under
     * that digest (any longer: a cached copy of removed content is not handed out).
     */
    Optional<Path> localFile(String sha256);

    /**
     * {@link #localFile} of each, in the same order: a remote store fetches several at once (a
     * language's MIX reads hundreds of lines, most of them made on other nodes).
     */
    default List<Optional<Path>> localFiles(List<String> sha256s) {
        return sha256s.stream().map(this::localFile).toList();
    }
}
