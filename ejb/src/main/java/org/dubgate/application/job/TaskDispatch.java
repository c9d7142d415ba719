package org.dubgate.application.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.WorkItem;
import org.dubgate.application.port.WorkQueue;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.shared.NoSuchEntityException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Adding tasks and starting them, inside the caller's transaction. A new task and its queue message
 * commit together or not at all; a task starts under its job's row lock and then its own, the one
 * lock order every writer of jobs and tasks keeps, so workers, cancels and revocations queue up
 * instead of deadlocking.
 */
@ApplicationScoped
public class TaskDispatch {

    /** A task that has just started, with its job (both locked until the transaction ends). */
    public record Started(DubbingJob job, JobTask task) {
    }

    @Inject
    JobRepository jobs;
    @Inject
    WorkQueue queue;

    public void dispatch(JobTask task) {
        jobs.addTask(task);
        queue.enqueue(new WorkItem(switch (task.kind()) {
            case SYNTHESIZE -> WorkItem.Kind.SYNTHESIZE;
            case MIX -> WorkItem.Kind.MIX;
            case ASSEMBLE -> WorkItem.Kind.ASSEMBLE;
            default -> throw new IllegalArgumentException("no worker runs " + task.kind() + " tasks yet");
        }, task.id()));
    }

    /**
     * Starts the task, or returns empty when there is nothing to do: it already ended (a repeated
     * delivery), or its job no longer accepts work (the task is then cancelled).
     */
    public Optional<Started> start(UUID taskId, Instant now) {
        DubbingJob job = lockedJobOf(taskId);
        JobTask task = lockedTask(taskId);
        if (!job.accepting()) {
            task.cancel(now);
            return Optional.empty();
        }
        if (!task.begin(now)) {
            return Optional.empty();
        }
        job.running(now);
        return Optional.of(new Started(job, task));
    }

    /** Locks the task's job; the task itself is not loaded yet, so it can be locked next, fresh. */
    public DubbingJob lockedJobOf(UUID taskId) {
        UUID jobId = jobs.jobOfTask(taskId).orElseThrow(() -> new NoSuchEntityException("task", taskId));
        return jobs.lockJob(jobId).orElseThrow(() -> new NoSuchEntityException("job", jobId));
    }

    public JobTask lockedTask(UUID taskId) {
        return jobs.lockTask(taskId).orElseThrow(() -> new NoSuchEntityException("task", taskId));
    }
}
