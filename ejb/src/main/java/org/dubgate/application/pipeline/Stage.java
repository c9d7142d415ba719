package org.dubgate.application.pipeline;

import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskKind;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One stage of the pipeline, for the tasks of one {@link TaskKind}. {@link StageRunner} drives it:
 * <ol>
 * <li>{@link #prepare} in the start transaction, with the job and the task locked and the task just
 * begun: read what the work needs. Throwing fails the attempt with that reason.</li>
 * <li>{@link #work} with no transaction open (media work outlasts any transaction timeout), in a
 * working folder of its own that is removed afterwards. It may run short transactions of its own
 * (synthesis records its lines as it goes).</li>
 * <li>{@link #record} in the completion transaction, with the job and the task locked and the job
 * still accepting work: record what the work made. The runner then ends the task and dispatches
 * what the job says is due next ({@link DubbingJob#tasksDue}).</li>
 * </ol>
 * A failure in any step is recorded on the task with its reason and propagates, so the queue
 * retries and, after the last attempt, the dead-letter consumer fails the task and the job.
 *
 * @param <W> what the work needs, read in the start transaction
 * @param <R> what the work made, recorded in the completion transaction
 */
public interface Stage<W, R> {

    TaskKind kind();

    W prepare(DubbingJob job, JobTask task);

    Outcome<R> work(W work, Path folder) throws Exception;

    void record(DubbingJob job, JobTask task, R result, Instant now);

    /** How a stage's work ended. */
    sealed interface Outcome<R> {

        /** The work is done; its result is to be recorded. */
        record Made<R>(R result) implements Outcome<R> {
        }

        /** The consent gate or the model registry no longer clears the work (R9): the task and its job are BLOCKED. */
        record Refused<R>(String reason) implements Outcome<R> {
        }

        /** Someone else ended the task while it worked (a cancel, a revocation): nothing more to do. */
        record Stopped<R>() implements Outcome<R> {
        }

        static <R> Outcome<R> made(R result) {
            return new Made<>(result);
        }

        static <R> Outcome<R> refused(String reason) {
            return new Refused<>(reason);
        }

        static <R> Outcome<R> stopped() {
            return new Stopped<>();
        }
    }
}
