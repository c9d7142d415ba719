package org.dubgate.media.voice;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the installed engine's executable on the PATH, resolved to its real file (the thing to hash).
 * Only to find the installed engine: an engine then runs from that absolute path, never by name.
 */
final class Executables {

    private Executables() {
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                try {
                    return Optional.of(candidate.toRealPath());
                } catch (IOException e) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static Path require(String name) throws EngineException {
        return onPath(name).orElseThrow(() -> new EngineException(name + " is not installed (run bin/setup-system)"));
    }
}
