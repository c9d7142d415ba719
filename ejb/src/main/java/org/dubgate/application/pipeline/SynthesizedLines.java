package org.dubgate.application.pipeline;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskState;
import org.dubgate.domain.shared.NoSuchEntityException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The synthesized lines of a SYNTHESIZE run, recorded a group at a time in short transactions of their own. */
@Stateless
public class SynthesizedLines {

    @Inject
    JobRepository jobs;
    @Inject
    Clock clock;

    /**
     * Keeps the lines made since the last call; a line the task recorded before is ignored (one
     * output per task and cue). Only the task's row is locked (never its job, so this never waits in
     * the wrong order): if a revocation ended the task while the engine ran, this waits for it to
     * commit and keeps the lines quarantined; after a cancel they are dropped.
     *
     * @return whether the task is still running, so its next lines should be made
     */
    public boolean keep(SynthesisWork work, List<SynthesisWork.Made> made, Optional<UUID> grantId) {
        JobTask task = jobs.lockTask(work.taskId()).orElseThrow(() -> new NoSuchEntityException("task", work.taskId()));
        if (task.state() == TaskState.CANCELLED) {
            return false; // a cancel stops the work: the lines in flight are dropped, what was kept stays
        }
        // RUNNING, or PENDING when its lease lapsed meanwhile and it was dispatched again: the lines
        // count all the same (the next run skips them); ended any other way (BLOCKED by a revocation)
        // they are kept quarantined, for the record
        boolean running = !task.state().isTerminal();
        Set<String> recorded = jobs.cuesRecordedBy(work.taskId());
        Instant now = clock.instant();
        for (SynthesisWork.Made line : made) {
            if (!recorded.add(line.cueId())) {
                continue;
            }
            CueOutput output = new CueOutput(work.taskId(), work.jobId(), line.cueId(), line.sha256(), line.length(),
                    line.fit(), line.engineTime(), work.modelId(), work.artifactSha256(), grantId.orElse(null),
                    new CueOutput.Made(work.round(), line.line().text(), line.line().fingerprint()), now);
            if (!running) {
                output.quarantine(); // blocked meanwhile (a revocation): kept for the record, never used
            }
            if (work.round() > 0) {
                // a re-render: the line's earlier versions are kept for the record, and never mixed again
                jobs.earlierVersionsOf(work.jobId(), work.language(), line.cueId(), work.round())
                        .forEach(CueOutput::supersede);
            }
            jobs.addOutput(output);
        }
        return running;
    }
}
