package org.dubgate.domain.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface JobRepository {

    Optional<DubbingJob> find(UUID id);

    /** The job a user already submitted under this Idempotency-Key, if any. */
    Optional<DubbingJob> findByIdempotencyKey(String createdBy, String key);

    void add(DubbingJob job);

    Optional<JobTask> findTask(UUID id);

    /** The task, its row locked until the transaction ends (orders output recording against revocation). */
    Optional<JobTask> lockTask(UUID id);

    List<JobTask> tasksOf(UUID jobId);

    void addTask(JobTask task);

    /** Locks one language of a job until the transaction ends (serializes its fan-in). */
    void lockTarget(UUID jobId, String language);

    /** Tasks of a kind for one language of a job that have not ended yet. */
    long unfinishedTasks(UUID jobId, TaskKind kind, String language);

    /**
     * Marks a language's synthesis done if it was not: true for exactly one caller, however many
     * workers finish at the same moment (a conditional update, decided by the database).
     */
    boolean markSynthesisDone(UUID jobId, String language);

    /**
     * The job, its row locked until the transaction ends (a cancel or revocation wins over workers'
     * updates). Lock order everywhere: the job first, then its tasks, so no two writers deadlock.
     */
    Optional<DubbingJob> lockJob(UUID id);

    /** The jobs with tasks not yet ended whose voice stands for this performer (ids only: lock each job, then its tasks). */
    java.util.Set<UUID> jobsWithOpenTasksVoicedBy(UUID performerId);

    /** The job a task belongs to, read without loading the task (so it can be locked after its job). */
    Optional<UUID> jobOfTask(UUID taskId);

    /** Tasks of a job not yet ended, locked until the transaction ends. */
    List<JobTask> openTasksOf(UUID jobId);

    /** Outputs made under a grant. */
    List<CueOutput> outputsUnderGrant(UUID grantId);

    List<CueOutput> outputsOf(UUID taskId);


    List<CueOutput> outputsOfJob(UUID jobId);

    void addOutput(CueOutput output);

    /** Files the job's MIX and ASSEMBLE tasks made, oldest first. */
    List<Deliverable> deliverablesOf(UUID jobId);

    void addDeliverable(Deliverable deliverable);
}
