package org.dubgate.infrastructure.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import org.dubgate.domain.model.HashState;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Hashes a model artifact. A file is hashed as its bytes; a folder (e.g. an engine's voice data) as
 * every regular file in sorted path order, each preceded by its relative path, so renaming or
 * editing any file changes the hash. A location may list several paths separated by
 * {@value #SEPARATOR} (an engine's binary, library and voice data): the artifact hash is then the
 * SHA-256 over each path and its own hash, in the order given. Results are cached per node, keyed by
 * path, size and modification time of every file, so re-checking an unchanged artifact costs a few
 * stat calls.
 */
@ApplicationScoped
public class ArtifactHasher {

    private record Stamp(List<String> files) {
    }

    private record Cached(Stamp stamp, String sha256) {
    }

    /** Separates the paths of a multi-part artifact location. */
    public static final String SEPARATOR = ":";

    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    /** The artifact's SHA-256, or empty when anything is missing at the location. */
    public Optional<String> sha256(String location) {
        List<String> parts = java.util.Arrays.stream(location.split(SEPARATOR)).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        if (parts.size() == 1) {
            return sha256Of(parts.get(0));
        }
        MessageDigest combined = sha256();
        for (String part : parts) {
            Optional<String> hash = sha256Of(part);
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            combined.update((part + "\0" + hash.get() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(HexFormat.of().formatHex(combined.digest()));
    }

    private Optional<String> sha256Of(String location) {
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            List<Path> files = files(path);
            Stamp stamp = stamp(path, files);
            Cached cached = cache.get(path);
            if (cached != null && cached.stamp().equals(stamp)) {
                return Optional.of(cached.sha256());
            }
            String hash = hash(path, files);
            cache.put(path, new Cached(stamp, hash));
            return Optional.of(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model artifact " + path, e);
        }
    }

    public HashState check(String location, String expectedSha256) {
        return sha256(location).map(h -> h.equals(expectedSha256) ? HashState.MATCH : HashState.MISMATCH)
                .orElse(HashState.MISSING);
    }

    private static List<Path> files(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Stamp stamp(Path root, List<Path> files) throws IOException {
        List<String> parts = new java.util.ArrayList<>(files.size());
        for (Path f : files) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            parts.add(root.relativize(f) + ":" + a.size() + ":" + a.lastModifiedTime().toMillis());
        }
        return new Stamp(parts);
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
