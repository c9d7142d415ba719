package org.dubgate.media.mix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file MIX wrote holds, hashed as it was written: content storage can take the file by this
 * address without reading it again (a full mix of an hour in 5.1 is 1.5 GB).
 *
 * @param sha256    the SHA-256 of the whole file, lower-case hex
 * @param sizeBytes its length
 */
public record FileDigest(String sha256, long sizeBytes) {

    public FileDigest {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits: " + sha256);
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("a size is not negative: " + sizeBytes);
        }
    }

    /** The digest of bytes run through {@code sha}, {@code sizeBytes} of them. */
    static FileDigest of(MessageDigest sha, long sizeBytes) {
        return new FileDigest(HexFormat.of().formatHex(sha.digest()), sizeBytes);
    }

    /** Reads {@code file} to hash it: for a file MIX did not write itself. */
    static FileDigest of(Path file) throws MixException {
        MessageDigest sha = newSha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new MixException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return of(sha, size);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
