package org.dubgate.application.delivery;

import org.dubgate.domain.delivery.DeliveryFile;
import org.dubgate.domain.job.Deliverable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The names of a package's files, and each file read once before it is delivered: its SHA-256
 * checked against what the stage recorded (storage that changed under a file is caught here, not by
 * the studio), and its CRC-32 taken for the zip's stored entries.
 */
public final class DeliveryFiles {

    public static final String STEM = "dialogue-stem.wav";
    public static final String MIX = "full-mix.wav";
    public static final String PROGRAMME = "programme.mkv";

    private DeliveryFiles() {
    }

    /** {@code es/full-mix.wav}, {@code programme.mkv}, {@code es/programme.mkv} (a lip-synced language's). */
    public static String nameOf(Deliverable d) {
        return switch (d.kind()) {
            case DIALOGUE_STEM -> d.language().orElseThrow() + "/" + STEM;
            case FULL_MIX -> d.language().orElseThrow() + "/" + MIX;
            case PROGRAMME -> d.language().map(l -> l + "/").orElse("") + PROGRAMME;
            case ALTERED_PICTURE -> throw new IllegalArgumentException("a language's altered picture is not delivered "
                    + "on its own: its programme carries it");
        };
    }

    public static String mediaTypeOf(Deliverable.Kind kind) {
        return kind == Deliverable.Kind.PROGRAMME || kind == Deliverable.Kind.ALTERED_PICTURE ? "video/x-matroska"
                : "audio/wav";
    }

    public static DeliveryFile.Kind kindOf(Deliverable.Kind kind) {
        return DeliveryFile.Kind.valueOf(kind.name());
    }

    /** What reading a file found. */
    public record Read(String sha256, long size, long crc32) {
    }

    public static Read read(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = new CheckedInputStream(new DigestInputStream(Files.newInputStream(file), sha), crc)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
        }
        return new Read(HexFormat.of().formatHex(sha.digest()), size, crc.getValue());
    }
}
