package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.media.mix.Assembler;

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
        Scratch.run(taskId, "assemble", tasks, dir -> {
            Path out = dir.resolve("programme.mkv");
            Assembler.assemble(work.source(), work.originalLanguage(), work.dubs(), AssembleWork.MANIFEST, out);
            steps.completeAssemble(taskId, store.store(out));
        });
    }
}
