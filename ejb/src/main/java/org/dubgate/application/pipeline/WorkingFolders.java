package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.domain.job.TaskKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The folders stages work in: {@code <server data dir>/dubgate/work/<boot>/<kind>-<task>-<n>}, one per
 * run, removed when the run ends. They live under the server's data folder (not {@code /tmp}) and
 * under this start of the node, so whatever a killed run left behind is found and removed when the
 * node starts again ({@link #sweepEarlierStarts}).
 */
@ApplicationScoped
public class WorkingFolders {

    private static final Logger LOG = Logger.getLogger(WorkingFolders.class.getName());

    @Inject
    ThisNode node;

    private Path root;

    Path root() {
        if (root == null) {
            root = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                    "dubgate", "work");
        }
        return root;
    }

    /** A new, empty folder for one run of a task. */
    public Path create(TaskKind kind, UUID taskId) {
        try {
            Path mine = Files.createDirectories(root().resolve(node.worker().boot()));
            return Files.createTempDirectory(mine, kind.name().toLowerCase() + "-" + taskId + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working folder under " + root(), e);
        }
    }

    public void remove(Path folder) {
        deleteTree(folder);
    }

    /** Removes what earlier starts of this node left behind; returns how many runs' folders (of killed runs) it held. */
    public int sweepEarlierStarts() {
        if (!Files.isDirectory(root())) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> boots = Files.list(root())) {
            for (Path boot : boots.toList()) {
                if (!boot.getFileName().toString().equals(node.worker().boot())) {
                    try (Stream<Path> runs = Files.list(boot)) {
                        removed += (int) runs.count();
                    }
                    deleteTree(boot);
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "could not sweep " + root() + ": " + e);
        }
        return removed;
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warning(() -> "could not remove " + dir + ": " + e); // swept at the next start
        }
    }
}
