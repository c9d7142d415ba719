package org.dubgate.infrastructure.storage;

import jakarta.enterprise.inject.Vetoed;
import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.application.port.StoredContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Files under {@code <root>/objects/ab/cd/<sha256>}. An upload is written to {@code <root>/incoming}
 * while it is hashed, then moved into place atomically, so a half-written object is never visible
 * and a crash leaves only a temporary file behind. The root defaults to the server's data directory.
 * Not a bean of its own: {@link ContentStores} makes the one store {@code dubgate.storage} names.
 */
@Vetoed
public class LocalContentStore implements ContentStore {

    private static final int BUFFER = 1 << 16;

    /** Names an upload's temporary file: {@code upload-<node>-<start>-<random>.part}. */
    private static final String NODE = System.getProperty("jboss.node.name", "node").replaceAll("[^A-Za-z0-9.]", "_");
    private final String start = java.util.UUID.randomUUID().toString().substring(0, 8);

    private final Path root;

    /** @param configured {@code dubgate.storage.dir}, when set */
    public LocalContentStore(Optional<String> configured) {
        this.root = configured.map(Path::of).orElseGet(() -> Path.of(
                System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "dubgate", "storage"));
        try {
            Files.createDirectories(root.resolve("incoming"));
            Files.createDirectories(root.resolve("objects"));
        } catch (IOException e) {
            throw new UncheckedIOException("storage folder " + root + " cannot be created", e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredContent store(InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(root.resolve("incoming"), "upload-" + NODE + "-" + start + "-", ".part");
        try {
            StoredContent content;
            try (OutputStream out = Files.newOutputStream(temp)) {
                content = hash(in, out, maxBytes);
            }
            return place(temp, content);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Takes a file the server made: hashed where it lies, then moved into place, so a large
     * deliverable is not copied (copied after all when it lies on another file system).
     */
    @Override
    public StoredContent store(Path file) throws IOException {
        StoredContent content;
        try (InputStream in = Files.newInputStream(file)) {
            content = hash(in, OutputStream.nullOutputStream(), Long.MAX_VALUE);
        }
        try {
            return place(file, content);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            return copyFromOtherFileSystem(file);
        }
    }

    /**
     * Takes a file the server made and hashed as it wrote it: moved into place under the digest given,
     * without reading it (a full mix is hundreds of megabytes). Its size is checked first, so a file
     * that is not what its writer finished is refused and stays where it was. From another file system
     * it is copied, and hashed as it is copied, and then the digest given must be the one found.
     */
    @Override
    public StoredContent store(Path file, String sha256, long sizeBytes) throws IOException {
        ContentAddress.checkMadeFile(file, sha256, sizeBytes);
        StoredContent given = new StoredContent(sha256, sizeBytes);
        Path stored = objectPath(sha256);
        if (Files.isRegularFile(stored) && Files.size(stored) == sizeBytes) {
            // stored before: a digest taken on trust does not replace an object (a rename would, on Linux)
            Files.delete(file);
            return given;
        }
        try {
            return place(file, given);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            StoredContent found = copyFromOtherFileSystem(file);
            if (!found.equals(given)) {
                throw new IOException("a file said to hash to " + sha256 + " hashed to " + found.sha256()
                        + " when it was copied in (stored under that)");
            }
            return found;
        }
    }

    /** A file on another file system than the store's cannot be moved in: it is copied and hashed, then removed. */
    private StoredContent copyFromOtherFileSystem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return store(in, Long.MAX_VALUE);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Copies {@code in} to {@code out} while hashing it; past {@code maxBytes} it stops with 413. */
    private static StoredContent hash(InputStream in, OutputStream out, long maxBytes) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) > 0) {
            size += n;
            if (size > maxBytes) {
                throw new ContentTooLargeException(maxBytes);
            }
            sha.update(buf, 0, n);
            out.write(buf, 0, n);
        }
        return new StoredContent(HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Moves a hashed file to its content address (same bytes stored before: the file is dropped). */
    private StoredContent place(Path file, StoredContent content) throws IOException {
        Path target = objectPath(content.sha256());
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameBytesStoredBefore) {
            Files.deleteIfExists(file);
        }
        if (Files.exists(target) && Files.size(target) != content.sizeBytes()) {
            // ATOMIC_MOVE may replace on some platforms; a differing size would mean a corrupted object
            throw new IOException("stored object " + content.sha256() + " has an unexpected size");
        }
        return content;
    }

    @Override
    public int sweepAbandonedUploads() {
        String mine = "upload-" + NODE + "-";
        String thisStart = mine + start + "-";
        java.time.Instant dayAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        int removed = 0;
        try (java.util.stream.Stream<Path> parts = Files.list(root.resolve("incoming"))) {
            for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                String name = p.getFileName().toString();
                boolean earlierStartOfThisNode = name.startsWith(mine) && !name.startsWith(thisStart);
                if (earlierStartOfThisNode || Files.getLastModifiedTime(p).toInstant().isBefore(dayAgo)) {
                    removed += Files.deleteIfExists(p) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep " + root.resolve("incoming"), e);
        }
        return removed;
    }

    @Override
    public Optional<ContentSource> find(String sha256) {
        return localFile(sha256).flatMap(file -> {
            try {
                return Optional.of(new LocalSource(sha256, Files.size(file), file));
            } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stored object " + sha256, e);
            }
        });
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        if (!ContentAddress.isValid(sha256)) {
            return Optional.empty();
        }
        Path p = objectPath(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public boolean remove(String sha256) throws IOException {
        return ContentAddress.isValid(sha256) && Files.deleteIfExists(objectPath(sha256));
    }

    private Path objectPath(String hash) {
        return root.resolve("objects").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    @Override
    public String toString() {
        return "folder " + root;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
