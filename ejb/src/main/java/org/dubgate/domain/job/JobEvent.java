package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A change in a job's progress, kept so a client can resume a progress stream where it left off
 * ({@code Last-Event-ID}). Numbered per job by {@link DubbingJob#nextEventSequence()} under the job's
 * row lock, so the numbers follow the order in which the changes committed.
 */
@Entity
@Table(name = "job_event")
public class JobEvent {

    /** What changed. */
    public enum Type {
        /** The job was accepted and its first tasks queued. */
        SUBMITTED,
        /** A task began an attempt. */
        TASK_STARTED,
        /** An attempt failed; the task will be tried again (or fails for good after the last). */
        TASK_RETRYING,
        /** A task's worker stopped (its lease ran out); it was dispatched again. */
        TASK_REDISPATCHED,
        /** A task ended: SUCCEEDED, FAILED, BLOCKED or CANCELLED. */
        TASK_ENDED,
        /** The job changed state. */
        JOB_STATE,
        /** A reviewer gave a verdict on one of the job's review items. */
        REVIEW_VERDICT,
        /** The job's delivery package was made. */
        DELIVERED,
        /** A consent grant the job used was revoked: what holds the performance is no longer served. */
        RECALLED
    }

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(nullable = false)
    private long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Type type;

    @Column(name = "task_id")
    private UUID taskId;

    /** The event as the progress stream sends it (small JSON). */
    @Column(nullable = false, length = 4000)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected JobEvent() {
        // for JPA
    }

    public JobEvent(UUID jobId, long seq, Type type, Optional<UUID> taskId, String payload, Instant now) {
        this.id = UUID.randomUUID();
        this.jobId = jobId;
        this.seq = seq;
        this.type = type;
        this.taskId = taskId.orElse(null);
        this.payload = payload;
        this.createdAt = now;
    }

    public UUID jobId() {
        return jobId;
    }

    public long seq() {
        return seq;
    }

    public Type type() {
        return type;
    }

    public Optional<UUID> taskId() {
        return Optional.ofNullable(taskId);
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
