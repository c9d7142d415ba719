package org.dubgate.infrastructure.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import org.dubgate.domain.model.HashState;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Hashes a model artifact. A file is hashed as its bytes; a folder (e.g. an engine's voice data) as
 * every regular file in sorted path order, each preceded by its relative path, so renaming or
 * editing any file changes the hash. A location may list several paths separated by
 * {@value #SEPARATOR} (an engine's binary, library and voice data): the artifact hash is then the
 * SHA-256 over each path and its own hash, in the order given. Links are followed, as the engine
 * that reads the files follows them. Every call reads every byte — no hash is remembered — so a
 * check at submission, task start and commit is a full SHA-256 (about 10 ms for espeak-ng's 13 MB);
 * between those, a worker compares the cheap {@link ArtifactFingerprint} it took right before the first.
 */
@ApplicationScoped
public class ArtifactHasher {

    /** Separates the paths of a multi-part artifact location. */
    public static final String SEPARATOR = ":";

    /** The paths a location names, in its order. */
    public static List<Path> paths(String location) {
        return Arrays.stream(location.split(SEPARATOR)).map(String::strip).filter(p -> !p.isEmpty()).map(Path::of).toList();
    }

    /** The artifact's SHA-256, or empty when anything is missing at the location. */
    public Optional<String> sha256(String location) {
        List<Path> parts = paths(location);
        if (parts.size() == 1) {
            return sha256Of(parts.get(0));
        }
        MessageDigest combined = sha256();
        for (Path part : parts) {
            Optional<String> hash = sha256Of(part);
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            combined.update((part + "\0" + hash.get() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(HexFormat.of().formatHex(combined.digest()));
    }

    public HashState check(String location, String expectedSha256) {
        return sha256(location).map(h -> h.equals(expectedSha256) ? HashState.MATCH : HashState.MISMATCH)
                .orElse(HashState.MISSING);
    }

    /**
     * The fingerprint of every file and folder at the location, or empty when anything is missing.
     * Taken right before a full {@link #check}, it stands for the files that hashed as checked.
     */
    public Optional<ArtifactFingerprint> fingerprint(String location) {
        List<Path> parts = paths(location).stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (parts.isEmpty() || !parts.stream().allMatch(Files::exists)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ArtifactFingerprint.of(parts));
        } catch (IOException e) {
            return Optional.empty(); // vanished while being looked at: missing, as the full check will say
        }
    }

    private Optional<String> sha256Of(Path location) {
        Path path = location.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(hash(path, files(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model artifact " + path, e);
        }
    }

    private static List<Path> files(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String hash(Path root, List<Path> files) throws IOException {
        MessageDigest sha = sha256();
        boolean folder = Files.isDirectory(root);
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            if (folder) {
                sha.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            try (InputStream in = Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
