package org.dubgate.application.job;

import org.dubgate.media.mix.MixException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A media worker's run in a scratch folder of its own, removed afterwards. A failure is recorded
 * on the task (its last error) and propagates, so the queue retries the message and finally
 * dead-letters it: never caught and dropped.
 */
final class Scratch {

    /** The media work itself. */
    interface Work {
        void run(Path dir) throws MixException, IOException;
    }

    private Scratch() {
    }

    static void run(UUID taskId, String what, TaskSteps tasks, Work work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dubgate-" + what + "-");
            work.run(dir);
        } catch (MixException e) {
            tasks.recordAttemptFailure(taskId, e.getMessage());
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            tasks.recordAttemptFailure(taskId, e.toString());
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            tasks.recordAttemptFailure(taskId, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover scratch folder is harmless
        }
    }
}
