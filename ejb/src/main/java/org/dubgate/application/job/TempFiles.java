package org.dubgate.application.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch folders of the media workers. */
final class TempFiles {

    private TempFiles() {
    }

    /** Removes a scratch folder and its files; a leftover is harmless, so failures are ignored. */
    static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // already gone or unreadable: nothing to clean up
        }
    }
}
