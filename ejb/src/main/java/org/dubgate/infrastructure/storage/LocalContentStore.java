package org.dubgate.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.application.port.StoredContent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
import java.util.regex.Pattern;

/**
 * Files under {@code <root>/objects/ab/cd/<sha256>}. An upload is written to {@code <root>/incoming}
 * while it is hashed, then moved into place atomically, so a half-written object is never visible
 * and a crash leaves only a temporary file behind. The root defaults to the server's data directory.
 */
@ApplicationScoped
public class LocalContentStore implements ContentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 1 << 16;

    private Path root;

    protected LocalContentStore() {
        // for CDI proxies
    }

    @Inject
    public LocalContentStore(@ConfigProperty(name = "dubgate.storage.dir") Optional<String> configured) {
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
        Path temp = Files.createTempFile(root.resolve("incoming"), "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size = 0;
            byte[] buf = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(temp)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ContentTooLargeException(maxBytes);
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = objectPath(hash);
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException sameBytesStoredBefore) {
                Files.deleteIfExists(temp);
            }
            if (Files.exists(target) && Files.size(target) != size) {
                // ATOMIC_MOVE may replace on some platforms; a differing size would mean a corrupted object
                throw new IOException("stored object " + hash + " has an unexpected size");
            }
            return new StoredContent(hash, size);
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
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                sha.update(buf, 0, n);
            }
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        Path target = objectPath(hash);
        Files.createDirectories(target.getParent());
        try {
            if (Files.exists(target)) {
                Files.delete(file); // the same bytes are stored already
            } else {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            try (InputStream in = Files.newInputStream(file)) {
                return store(in, Long.MAX_VALUE);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (FileAlreadyExistsException storedMeanwhile) {
            Files.deleteIfExists(file);
        }
        return new StoredContent(hash, size);
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path p = objectPath(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private Path objectPath(String hash) {
        return root.resolve("objects").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
