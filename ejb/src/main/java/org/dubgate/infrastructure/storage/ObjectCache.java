package org.dubgate.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * This node's copies of remote objects, for tools that need a path: {@code <root>/objects/ab/cd/<sha256>}.
 * Content is addressed by its digest and never changes, so a copy is valid for as long as it is
 * there. A fetch is written to {@code <root>/incoming} first, its size checked, then moved into
 * place atomically: a half-fetched copy is never handed out, and a crash leaves only a temporary file
 * that the next start removes (the folder is this node's alone).
 *
 * <p>The copies take at most {@code maxBytes} of disk: when a new one would exceed it, the least recently
 * used are deleted, never the one just handed out. (Not Caffeine: its admission policy may turn away the
 * newest entry, which here is a file a caller is about to open.) A tool reading a copy that is deleted
 * meanwhile keeps reading it (the file system frees it when the tool closes it); a path handed out and
 * opened only after its copy was deleted fails that attempt, and the task runs again — so the bound should
 * be well above one job's working set (its lines, stems and mixes).
 */
final class ObjectCache {

    /** Writes the whole object into the file given (which exists, empty). */
    @FunctionalInterface
    interface Fetch {
        void into(Path file) throws IOException;
    }

    private final Path root;
    private final String start = UUID.randomUUID().toString().substring(0, 8);
    private final long maxBytes;
    /** sha256 → size of the copies on disk, least recently used first; guarded by itself. */
    private final LinkedHashMap<String, Long> copies = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ObjectCache(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(root.resolve("incoming"));
            Files.createDirectories(root.resolve("objects"));
            knowEarlierCopies();
        } catch (IOException e) {
            throw new UncheckedIOException("cache folder " + root + " cannot be created", e);
        }
    }

    /** The copies an earlier start kept count against the bound too, the oldest offered first. */
    private void knowEarlierCopies() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("objects"))) {
            files.filter(Files::isRegularFile).sorted(Comparator.comparing(ObjectCache::modified))
                    .forEach(f -> used(f.getFileName().toString(), f.toFile().length()));
        }
    }

    /** Bytes the copies take now, as the bound counts them. */
    long bytes() {
        synchronized (copies) {
            return bytes;
        }
    }

    /** Marks a copy as just used, and deletes the least recently used others while the bound is exceeded. */
    private void used(String sha256, long size) {
        synchronized (copies) {
            Long was = copies.put(sha256, size);
            bytes += size - (was == null ? 0 : was);
            for (Iterator<Map.Entry<String, Long>> oldest = copies.entrySet().iterator();
                 bytes > maxBytes && oldest.hasNext(); ) {
                Map.Entry<String, Long> copy = oldest.next();
                if (!copy.getKey().equals(sha256)) {
                    oldest.remove();
                    bytes -= copy.getValue();
                    deleteCopy(copy.getKey());
                }
            }
        }
    }

    Path root() {
        return root;
    }

    /** The copy of {@code sha256}, fetched first unless there is one of {@code size} bytes already. */
    Path file(String sha256, long size, Fetch fetch) throws IOException {
        Path target = pathOf(sha256);
        if (hasSize(target, size)) {
            used(sha256, size);
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
            used(sha256, size);
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
            used(sha256, Files.size(target));
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            long size = Files.size(file);
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            used(sha256, size);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            Files.delete(file);
        }
    }

    /** Forgets the copy of content no longer stored. */
    void drop(String sha256) throws IOException {
        synchronized (copies) {
            Long size = copies.remove(sha256);
            bytes -= size == null ? 0 : size;
        }
        Files.deleteIfExists(pathOf(sha256));
    }

    private void deleteCopy(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the cached copy of " + sha256, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
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
