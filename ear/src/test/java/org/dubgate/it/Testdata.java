package org.dubgate.it;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code ../shared/testdata}, or a skip that says it is missing. */
final class Testdata {

    private Testdata() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("dubgate.testdata", "../../shared/testdata")).normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("grid")),
                "shared test media absent at " + dir.toAbsolutePath() + ": tests on real media skipped");
        return dir;
    }

    static List<Path> gridClips() throws IOException {
        try (var files = Files.list(dir().resolve("grid"))) {
            return files.filter(p -> p.toString().endsWith(".mpg")).sorted().toList();
        }
    }
}
