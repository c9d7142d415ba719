package org.dubgate.infrastructure.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** A content address (a SHA-256 in lower-case hex) and what every store checks before it trusts one. */
final class ContentAddress {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ContentAddress() {
    }

    static boolean isValid(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    /**
     * Before a store takes a file the server made on trust of its writer's digest: the digest must be an
     * address, and the file must still hold the bytes its writer counted (else it is not what the writer
     * finished, and it is refused where it lies).
     */
    static void checkMadeFile(Path file, String sha256, long sizeBytes) throws IOException {
        if (!isValid(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        long size = Files.size(file);
        if (size != sizeBytes) {
            throw new IOException(file + " holds " + size + " bytes, not the " + sizeBytes + " its writer hashed");
        }
    }
}
