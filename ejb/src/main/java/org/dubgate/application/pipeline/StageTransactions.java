package org.dubgate.application.pipeline;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobState;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskState;
import org.dubgate.domain.job.TaskSummary;
import org.dubgate.domain.job.Worker;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The short locked transactions every stage runs in, and every other change of a task's state
 * (dead letters, orphaned leases). Each takes the job's row lock, then the task's — the one lock
 * order of every writer of jobs and tasks, the fan-in included, so workers, cancels and revocations
 * queue up instead of deadlocking. Each change publishes its progress event in the same transaction.
 */
@Stateless
public class StageTransactions {

    private static final Logger LOG = Logger.getLogger(StageTransactions.class.getName());

    @Inject
    JobRepository jobs;
    @Inject
    TaskDispatch dispatch;
    @Inject
    JobEvents events;
    @Inject
    AuditLedger ledger;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<org.dubgate.domain.job.JobReadyForReview> readyForReview;
    @Inject
    @ConfigProperty(name = "dubgate.tasks.lease-seconds", defaultValue = "30")
    long leaseSeconds;
    @Inject
    @ConfigProperty(name = "dubgate.tasks.max-attempts", defaultValue = "10")
    int maxAttempts;

    /**
     * Begins the task and lets its stage read what the work needs; empty when there is nothing to do:
     * the task ended (a repeated delivery), a live worker holds it, or its job no longer accepts work
     * (the task is then cancelled).
     */
    public <W> Optional<W> start(Stage<W, ?> stage, UUID taskId, Worker worker) {
        Instant now = clock.instant();
        DubbingJob job = lockedJobOf(taskId);
        JobTask task = lockedTask(taskId);
        if (!job.accepting()) {
            if (!task.state().isTerminal()) {
                task.cancel(now);
                events.taskChanged(job, JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
            }
            return Optional.empty();
        }
        if (!task.begin(worker, now, Duration.ofSeconds(leaseSeconds))) {
            return Optional.empty();
        }
        JobState before = job.state();
        job.running(now);
        events.taskChanged(job, JobEvent.Type.TASK_STARTED, TaskSummary.of(task));
        if (job.state() != before) {
            events.jobChanged(job, JobEvent.Type.JOB_STATE);
        }
        return Optional.of(stage.prepare(job, task));
    }

    /**
     * Records what the work made, ends the task and dispatches what is due next. If the task was
     * ended meanwhile (cancelled or blocked while it ran) what it recorded so far stays and nothing
     * follows from it; if its job was stopped, the task ends CANCELLED with nothing recorded.
     */
    public <R> void complete(Stage<?, R> stage, UUID taskId, R result) {
        Instant now = clock.instant();
        DubbingJob job = lockedJobOf(taskId);
        JobTask task = lockedTask(taskId);
        if (task.state() != TaskState.RUNNING) {
            return;
        }
        if (!job.accepting()) {
            task.cancel(now); // stopped while the work ran: nothing of it is recorded
            events.taskChanged(job, JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
            return;
        }
        stage.record(job, task, result, now);
        task.succeed(now);
        events.taskChanged(job, JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
        dispatchDue(job, now);
    }

    /**
     * Dispatches what the job says is due now (at submission, and after each task that succeeded);
     * puts it in review when everything is done. The caller holds the job's row lock.
     */
    public void dispatchDue(DubbingJob job, Instant now) {
        JobState before = job.state();
        List<TaskSummary> tasks = jobs.taskSummaries(job.id());
        for (JobTask next : job.tasksDue(tasks, now)) {
            LOG.info(() -> "job " + job.id() + ": " + next.kind() + next.language().map(l -> " of " + l).orElse("")
                    + " is due");
            dispatch.dispatch(job, next);
        }
        if (job.state() != before) {
            events.jobChanged(job, JobEvent.Type.JOB_STATE);
            if (job.state() == JobState.IN_REVIEW) {
                ledger.append(new AuditRecord("pipeline", "JOB_READY_FOR_REVIEW", "job", job.id().toString(),
                        Optional.empty(), Optional.empty(), "IN_REVIEW", Json.createObjectBuilder()
                        .add("tasks", tasks.size()).add("round", job.round()).build().toString()));
                // the review items of this round open in the same transaction: none is ever missing
                readyForReview.fire(new org.dubgate.domain.job.JobReadyForReview(job, now));
            }
        }
    }

    /** The consent gate or the model registry refused the work (R9): task and job BLOCKED, its outputs quarantined. */
    public void block(UUID taskId, String reason, String by) {
        Instant now = clock.instant();
        DubbingJob job = lockedJobOf(taskId);
        JobTask task = lockedTask(taskId);
        task.block(reason, now);
        jobs.outputsOf(taskId).forEach(CueOutput::quarantine);
        job.block("task " + taskId + ": " + reason, now);
        events.taskChanged(job, JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
        events.jobChanged(job, JobEvent.Type.JOB_STATE);
        ledger.append(new AuditRecord(by, "TASK_BLOCKED", "task", taskId.toString(), Optional.empty(), Optional.empty(),
                "BLOCKED", Json.createObjectBuilder().add("jobId", task.jobId().toString())
                .add("language", task.language().orElse("*")).add("reason", reason).build().toString()));
    }

    /**
     * Keeps the reason of a failed attempt, in a transaction of its own (the attempt's may have rolled
     * back). {@code begun}: whether the attempt had begun; if its start failed, the rolled-back begin
     * is counted here.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attemptFailed(UUID taskId, String reason, boolean begun) {
        Instant now = clock.instant();
        DubbingJob job = lockedJobOf(taskId);
        JobTask task = lockedTask(taskId);
        if (task.state().isTerminal()) {
            return;
        }
        if (begun) {
            task.attemptFailed(reason, now);
        } else {
            task.failedToStart(reason, now);
        }
        events.taskChanged(job, JobEvent.Type.TASK_RETRYING, TaskSummary.of(task));
    }

    /** Retries are exhausted (the dead-letter consumer): the task is FAILED with its last reason, and its job with it. */
    public void failAfterRetries(UUID taskId, Optional<String> why) {
        Instant now = clock.instant();
        DubbingJob job = lockedJobOf(taskId);
        JobTask task = lockedTask(taskId);
        if (task.state().isTerminal()) {
            return; // an earlier delivery did finish it
        }
        task.failAfterRetries(why, now);
        job.fail(task.kind() + " task " + taskId + task.language().map(l -> " (" + l + ")").orElse("") + " failed after "
                + task.attempts() + " attempt(s): " + task.lastError().orElse("no error recorded"), now);
        events.taskChanged(job, JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
        events.jobChanged(job, JobEvent.Type.JOB_STATE);
    }

    /**
     * A task whose worker is gone (its lease ran out, or an earlier start of this node held it):
     * dispatched again, to resume after its last recorded output — unless it has been started too
     * often already (it may be what kills its workers), then it fails with the reason.
     */
    public void dispatchOrphanAgain(UUID taskId, Worker observer) {
        Instant now = clock.instant();
        DubbingJob job = lockedJobOf(taskId);
        JobTask task = lockedTask(taskId);
        Optional<String> gone = task.orphaned(observer, now);
        if (gone.isEmpty()) {
            return; // renewed, or ended, meanwhile
        }
        if (!job.accepting()) {
            task.cancel(now);
            events.taskChanged(job, JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
            return;
        }
        task.leaseLapsed(gone.get(), now);
        LOG.warning(() -> "task " + taskId + ": " + task.lastError().orElse("worker gone"));
        if (task.attempts() >= maxAttempts) {
            failAfterRetries(taskId, Optional.of(task.lastError().orElse("worker gone") + "; started " + task.attempts()
                    + " times, the limit (dubgate.tasks.max-attempts)"));
            return;
        }
        dispatch.dispatchAgain(job, task);
        events.taskChanged(job, JobEvent.Type.TASK_REDISPATCHED, TaskSummary.of(task));
    }

    /**
     * Renews the lease of a task this node runs, if it still holds it. One task per transaction: a
     * renewal locks only that task's row, so it never waits on a second row while holding a first
     * (a cancel locks a job's tasks in its own order).
     */
    public boolean renewLease(UUID taskId, Worker holder) {
        return jobs.renewLeases(List.of(taskId), holder, clock.instant().plusSeconds(leaseSeconds)) == 1;
    }

    public List<UUID> orphanedTasks(Worker observer) {
        return jobs.orphanedTasks(observer, clock.instant());
    }

    private DubbingJob lockedJobOf(UUID taskId) {
        UUID jobId = jobs.jobOfTask(taskId).orElseThrow(() -> new NoSuchEntityException("task", taskId));
        return jobs.lockJob(jobId).orElseThrow(() -> new NoSuchEntityException("job", jobId));
    }

    private JobTask lockedTask(UUID taskId) {
        return jobs.lockTask(taskId).orElseThrow(() -> new NoSuchEntityException("task", taskId));
    }
}
