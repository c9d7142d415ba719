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
 * used are deleted — but none used in the last {@code keepUsed} (an hour in the server): a task asks for its
 * files one after another and opens them later (a MIX: every line, then the source, then the M&amp;E), so a
 * copy handed out must outlive the task. The bound gives way to that: for a while the copies may take more
 * than {@code maxBytes}. (Not Caffeine: its admission policy may turn away the newest entry, which here is a
 * file a caller is about to open.) A tool reading a copy that is deleted meanwhile keeps reading it (the file
 * system frees it when the tool closes it).
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
    private final long keepUsedNanos;
    /** sha256 → size and last use of the copies on disk, least recently used first; guarded by itself. */
    private final LinkedHashMap<String, Use> copies = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    private record Use(long size, long atNanos) {
    }

    /** A cache that deletes no copy used within the last hour: longer than any task holds its files. */
    ObjectCache(Path root, long maxBytes) {
        this(root, maxBytes, java.time.Duration.ofHours(1));
    }

    ObjectCache(Path root, long maxBytes, java.time.Duration keepUsed) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.keepUsedNanos = keepUsed.toNanos();
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
            long nowNanos = System.nanoTime();
            long nowMillis = System.currentTimeMillis();
            // last used when last written, as far as this start can tell
            files.filter(Files::isRegularFile).sorted(Comparator.comparing(ObjectCache::modified))
                    .forEach(f -> used(f.getFileName().toString(), f.toFile().length(),
                            nowNanos - Math.max(0, nowMillis - modified(f).toMillis()) * 1_000_000));
        }
    }

    /** Bytes the copies take now, as the bound counts them. */
    long bytes() {
        synchronized (copies) {
            return bytes;
        }
    }

    /**
     * Marks a copy as just used, and deletes the least recently used others while the bound is exceeded,
     * stopping at the first used within {@code keepUsed} (every later one was used later still).
     */
    private void used(String sha256, long size) {
        used(sha256, size, System.nanoTime());
    }

    private void used(String sha256, long size, long atNanos) {
        synchronized (copies) {
            long now = System.nanoTime();
            Use was = copies.put(sha256, new Use(size, atNanos));
            bytes += size - (was == null ? 0 : was.size());
            for (Iterator<Map.Entry<String, Use>> oldest = copies.entrySet().iterator();
                 bytes > maxBytes && oldest.hasNext(); ) {
                Map.Entry<String, Use> copy = oldest.next();
                if (now - copy.getValue().atNanos() < keepUsedNanos) {
                    break;
                }
                oldest.remove();
                bytes -= copy.getValue().size();
                deleteCopy(copy.getKey());
            }
        }
    }

    Path root() {
        return root;
    }

    /** The copy of {@code sha256}, fetched first unless there is one of {@code size} bytes already. */
    Path file(String sha256, long size, Fetch fetch) throws IOException {
        Path target = pathOf(sha256);
        synchronized (copies) {
            // checked and marked at once: no other thread can delete it in between
            if (hasSize(target, size)) {
                used(sha256, size);
                return target;
            }
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
            Use use = copies.remove(sha256);
            bytes -= use == null ? 0 : use.size();
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

    /** Whether this node holds a copy of {@code sha256} (of whatever size: {@link #file} checks it). */
    boolean holds(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
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
