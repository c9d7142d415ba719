package org.dubgate.media;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates {@code ../shared/testdata} and makes broken copies of its files. */
public final class TestMedia {

    private TestMedia() {
    }

    public static Path testdata() {
        Path dir = Path.of(System.getProperty("dubgate.testdata", "../../shared/testdata")).normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("grid")),
                "shared test media absent at " + dir.toAbsolutePath() + ": tests on real media skipped");
        return dir;
    }

    public static Stream<Path> gridClips() throws IOException {
        return Files.list(testdata().resolve("grid")).filter(p -> p.toString().endsWith(".mpg")).sorted();
    }

    /** The first {@code fraction} of a file's bytes, as an upload cut off mid-transfer would be. */
    public static Path truncatedCopy(Path source, double fraction, Path dir) throws IOException {
        Path out = dir.resolve("truncated-" + source.getFileName());
        long keep = (long) (Files.size(source) * fraction);
        try (InputStream in = Files.newInputStream(source)) {
            Files.write(out, in.readNBytes((int) keep));
        }
        return out;
    }

    /** A 16-bit PCM WAV of {@code channels} interleaved channels (6 = 5.1), written by hand so a test knows every sample. */
    public static Path wav(Path file, int rate, int channels, short[] samples) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes()).put("fmt ".getBytes())
                .putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * 2 * channels)
                .putShort((short) (2 * channels)).putShort((short) 16).put("data".getBytes()).putInt(samples.length * 2);
        for (short s : samples) {
            b.putShort(s);
        }
        return Files.write(file, b.array());
    }
}
