package org.dubgate.infrastructure.artifact;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cheap stand-in for an artifact's hash between two full hashes: per file and folder of the
 * artifact, its size, modification time, file identity (device and inode) and, where the platform
 * has it, its status-change time — which, unlike the modification time, no one can set back. One
 * stat call each: a write, a replacement, a rename, or a file added to or removed from a folder
 * (which changes the folder's own times) all show. Taken before the full hash is computed, so a
 * change during the hashing shows too. A same-size edit within the file system's timestamp
 * granularity is the one thing it can miss; the full hash at commit sees that.
 */
public record ArtifactFingerprint(List<Stamp> stamps) {

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final String UNIX_ATTRIBUTES = "unix:isDirectory,size,lastModifiedTime,fileKey,ctime";

    /** One file or folder as it was: {@code changed} is its status-change time, null where the platform has none. */
    public record Stamp(Path path, boolean folder, long size, FileTime modified, Object fileKey, FileTime changed) {
    }

    public ArtifactFingerprint {
        stamps = List.copyOf(stamps);
    }

    /** Every file and folder under these paths (links followed, as an engine follows them), stamped now. */
    public static ArtifactFingerprint of(List<Path> roots) throws IOException {
        List<Stamp> stamps = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                for (Path p : walk.sorted().toList()) {
                    stamps.add(stamp(p));
                }
            }
        }
        return new ArtifactFingerprint(stamps);
    }

    /**
     * The first file that is not as it was, and how — or else the first folder, whose entries changed;
     * empty when nothing changed. A stat per entry.
     */
    public Optional<String> firstChange() {
        Optional<String> folderChange = Optional.empty();
        for (Stamp then : stamps) {
            Optional<String> change = change(then);
            if (change.isPresent() && !then.folder()) {
                return change; // the file itself names the change best
            }
            if (folderChange.isEmpty()) {
                folderChange = change;
            }
        }
        return folderChange;
    }

    private static Optional<String> change(Stamp then) {
        Stamp now;
        try {
            now = stamp(then.path());
        } catch (NoSuchFileException e) {
            return Optional.of(then.path() + " is gone");
        } catch (IOException e) {
            return Optional.of(then.path() + " cannot be read (" + e.getMessage() + ")");
        }
        return difference(then, now).map(how -> then.path() + " " + how);
    }

    /** How many files and folders each check stats. */
    public int size() {
        return stamps.size();
    }

    private static Optional<String> difference(Stamp then, Stamp now) {
        if (!Objects.equals(then.fileKey(), now.fileKey())) {
            return Optional.of("was replaced by another file");
        }
        if (then.folder()) {
            return then.modified().equals(now.modified()) && Objects.equals(then.changed(), now.changed())
                    ? Optional.empty() : Optional.of("had a file added, removed or renamed");
        }
        if (then.size() != now.size()) {
            return Optional.of("changed size (" + then.size() + " → " + now.size() + " bytes)");
        }
        if (!then.modified().equals(now.modified())) {
            return Optional.of("was modified (" + then.modified() + " → " + now.modified() + ")");
        }
        if (!Objects.equals(then.changed(), now.changed())) {
            return Optional.of("was changed (status changed " + then.changed() + " → " + now.changed() + ")");
        }
        return Optional.empty();
    }

    private static Stamp stamp(Path p) throws IOException {
        if (UNIX) {
            Map<String, Object> a = Files.readAttributes(p, UNIX_ATTRIBUTES);
            return new Stamp(p, (Boolean) a.get("isDirectory"), (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"),
                    a.get("fileKey"), (FileTime) a.get("ctime"));
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new Stamp(p, a.isDirectory(), a.size(), a.lastModifiedTime(), a.fileKey(), null);
    }
}
