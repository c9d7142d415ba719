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
}
