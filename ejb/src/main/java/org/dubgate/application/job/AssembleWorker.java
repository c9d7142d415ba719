package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.media.mix.Assembler;
import org.dubgate.media.mix.MixException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a job's ASSEMBLE with no transaction open: the picture and original audio stream-copied,
 * one PCM track per language, AI-generated-dialogue metadata (R7). The file goes to content
 * storage; a failure propagates, so the queue retries and dead-letters.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AssembleWorker {

    @Inject
    StageSteps steps;
    @Inject
    TaskSteps tasks;
    @Inject
    ContentStore store;

    public void run(UUID taskId) {
        Optional<AssembleWork> started = steps.startAssemble(taskId);
        if (started.isEmpty()) {
            return;
        }
        AssembleWork work = started.get();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dubgate-assemble-");
            Path out = dir.resolve("programme.mkv");
            // "und": the original track keeps the language its source declares
            Assembler.assemble(work.source(), "und", work.dubs(), AssembleWork.MANIFEST, out);
            StoredContent programme;
            try (InputStream in = Files.newInputStream(out)) {
                programme = store.store(in, Long.MAX_VALUE);
            }
            steps.completeAssemble(taskId, programme);
        } catch (MixException e) {
            tasks.recordAttemptFailure(taskId, e.getMessage());
            throw new IllegalStateException("assembly: " + e.getMessage(), e);
        } catch (IOException e) {
            tasks.recordAttemptFailure(taskId, e.toString());
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            tasks.recordAttemptFailure(taskId, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        } finally {
            TempFiles.deleteTree(dir);
        }
    }
}
