package org.dubgate.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * This node's copies of remote objects, for tools that need a path: {@code <root>/objects/ab/cd/<sha256>}.
 * Content is addressed by its digest and never changes, so a copy is valid for as long as it is
 * there. A fetch is written to {@code <root>/incoming} first, its size checked, then moved into
 * place atomically: a half-fetched copy is never handed out, and a crash leaves only a temporary file
 * that the next start removes (the folder is this node's alone).
 */
final class ObjectCache {

    /** Writes the whole object into the file given (which exists, empty). */
    @FunctionalInterface
    interface Fetch {
        void into(Path file) throws IOException;
    }

    private final Path root;
    private final String start = UUID.randomUUID().toString().substring(0, 8);

    ObjectCache(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("incoming"));
            Files.createDirectories(root.resolve("objects"));
        } catch (IOException e) {
            throw new UncheckedIOException("cache folder " + root + " cannot be created", e);
        }
    }

    Path root() {
        return root;
    }

    /** The copy of {@code sha256}, fetched first unless there is one of {@code size} bytes already. */
    Path file(String sha256, long size, Fetch fetch) throws IOException {
        Path target = pathOf(sha256);
        if (hasSize(target, size)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(root.resolve("incoming"), "fetch-" + start + "-", ".part");
        try {
            fetch.into(temp);
            long fetched = Files.size(temp);
            if (fetched != size) {
                throw new IOException("fetched " + fetched + " bytes of object " + sha256 + ", not its " + size);
            }
            // another thread may have fetched it meanwhile: same bytes, and a reader of the old file keeps it
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Keeps a file the server made and has just stored, so this node need not fetch it back (a mix is
     * read again by the next stage). From another file system it is only removed: it is stored.
     */
    void adopt(Path file, String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target)) {
            Files.delete(file);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            Files.delete(file);
        }
    }

    /** Forgets the copy of content no longer stored. */
    void drop(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    /** Removes what fetches of earlier starts left behind; a fetch of this start is still being written. */
    int sweepEarlierStarts() {
        String thisStart = "fetch-" + start + "-";
        int removed = 0;
        try (Stream<Path> parts = Files.list(root.resolve("incoming"))) {
            for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                if (!p.getFileName().toString().startsWith(thisStart)) {
                    removed += Files.deleteIfExists(p) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep " + root.resolve("incoming"), e);
        }
        return removed;
    }

    private Path pathOf(String sha256) {
        return root.resolve("objects").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static boolean hasSize(Path file, long size) throws IOException {
        try {
            return Files.size(file) == size;
        } catch (NoSuchFileException absent) {
            return false;
        }
    }
}
