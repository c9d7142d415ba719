package org.dubgate.domain.job;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Jobs, their tasks, what the tasks made and the jobs' progress events. Lock order everywhere: the
 * job first, then its tasks, so no two writers deadlock.
 */
public interface JobRepository {

    /** A filter for the job list. */
    record JobQuery(Optional<JobState> state, Optional<String> titleCode) {
    }

    /** How far a job got: tasks succeeded, tasks in all. */
    record Progress(long succeeded, long total) {

        public static final Progress NONE = new Progress(0, 0);

        public int percent() {
            return total == 0 ? 100 : (int) (100 * succeeded / total);
        }
    }

    Optional<DubbingJob> find(UUID id);

    /** The job a user already submitted under this Idempotency-Key, if any. */
    Optional<DubbingJob> findByIdempotencyKey(String createdBy, String key);

    void add(DubbingJob job);

    /** Jobs newest first, keyset-paged. */
    Page<DubbingJob> list(JobQuery query, PageRequest page);

    /** The progress of each of these jobs (one query). */
    Map<UUID, Progress> progressOf(Collection<UUID> jobIds);

    /**
     * The job, its row locked until the transaction ends (a cancel or revocation wins over workers'
     * updates).
     */
    Optional<DubbingJob> lockJob(UUID id);

    Optional<JobTask> findTask(UUID id);

    /** The task, its row locked until the transaction ends (orders output recording against revocation). */
    Optional<JobTask> lockTask(UUID id);

    /** What kind of task this is, read without loading it. */
    Optional<TaskKind> kindOfTask(UUID taskId);

    /** The job a task belongs to, read without loading the task (so it can be locked after its job). */
    Optional<UUID> jobOfTask(UUID taskId);

    /** Every task of a job without its cue list, in a stable order. */
    List<TaskSummary> taskSummaries(UUID jobId);

    void addTask(JobTask task);

    /** Tasks of a job not yet ended, locked until the transaction ends. */
    List<JobTask> openTasksOf(UUID jobId);

    /** The jobs with tasks not yet ended whose voice stands for this performer (ids only: lock each job, then its tasks). */
    Set<UUID> jobsWithOpenTasksVoicedBy(UUID performerId);

    /** Jobs still working (queued or running) whose cast re-draws this performer's on-screen mouth. */
    Set<UUID> jobsLipSyncing(UUID performerId);

    /** RUNNING tasks whose lease ran out before {@code now}, or that an earlier start of this node held. */
    List<UUID> orphanedTasks(Worker observer, Instant now);

    /** Extends the leases of these tasks while this worker still holds them; returns how many it holds. */
    int renewLeases(Collection<UUID> taskIds, Worker holder, Instant until);

    /** Outputs made under a grant. */
    List<CueOutput> outputsUnderGrant(UUID grantId);

    List<CueOutput> outputsOf(UUID taskId);

    /**
     * The cues a task has recorded lines of: what a SYNTHESIZE run needs to skip them, without loading
     * the lines themselves (a batch records its lines a few at a time and asks again each time).
     */
    Set<String> cuesRecordedBy(UUID taskId);

    /** The usable (not quarantined) synthesized lines of one language of a job, by cue id. */
    Map<String, CueOutput> usableOutputsOf(UUID jobId, String language);

    /** The versions of one cue's line made in rounds before {@code round} and not yet superseded. */
    List<CueOutput> earlierVersionsOf(UUID jobId, String language, String cueId, int round);

    /** A job's synthesized lines, keyset-paged by id. */
    Page<CueOutput> outputsOfJob(UUID jobId, PageRequest page);

    Optional<CueOutput> findOutput(UUID jobId, UUID outputId);

    /** These lines, by id (one query: what a page of the QA queue shows). */
    Map<UUID, CueOutput> outputsById(Collection<UUID> outputIds);

    /** The voice each of these tasks speaks with, by task id (one query, without the tasks' cue lists). */
    Map<UUID, UUID> voicesOfTasks(Collection<UUID> taskIds);

    /** The language each of these tasks works on, by task id (one query). */
    Map<UUID, String> languagesOfTasks(Collection<UUID> taskIds);

    /** These cues of one language of a job, by cue id (one query, never the whole script). */
    Map<String, JobCue> cuesOf(UUID jobId, String language, Collection<String> cueIds);

    void addOutput(CueOutput output);

    /** Files the job's stages made, of one kind. */
    List<Deliverable> deliverablesOf(UUID jobId, Deliverable.Kind kind);

    /** The current file of a kind: of the language given (none for the programme), from the latest round that made one. */
    default Optional<Deliverable> currentDeliverable(UUID jobId, Deliverable.Kind kind, Optional<String> language) {
        return deliverablesOf(jobId, kind).stream().filter(d -> d.language().equals(language))
                .max(java.util.Comparator.comparingInt(Deliverable::round).thenComparing(Deliverable::createdAt));
    }

    /** Every current file of the job: per kind and language, the latest round's. */
    default List<Deliverable> currentDeliverables(UUID jobId) {
        List<Deliverable> current = new java.util.ArrayList<>();
        for (Deliverable.Kind kind : Deliverable.Kind.values()) {
            deliverablesOf(jobId, kind).stream().collect(java.util.stream.Collectors.groupingBy(d -> d.language()
                    .orElse(""), java.util.LinkedHashMap::new, java.util.stream.Collectors.maxBy(java.util.Comparator
                    .comparingInt(Deliverable::round).thenComparing(Deliverable::createdAt))))
                    .values().forEach(d -> d.ifPresent(current::add));
        }
        return current;
    }

    /** Files the job's stages made, keyset-paged by id. */
    Page<Deliverable> deliverablesOf(UUID jobId, PageRequest page);

    Optional<Deliverable> findDeliverable(UUID jobId, UUID deliverableId);

    void addDeliverable(Deliverable deliverable);

    void addCheck(QaCheck check);

    /** A job's automatic QA checks, keyset-paged by id, of one verdict when given. */
    Page<QaCheck> checksOf(UUID jobId, Optional<QaCheck.Verdict> verdict, PageRequest page);

    /** The checks of these lines of a job (what an outputs page shows beside each line). */
    List<QaCheck> checksOfOutputs(UUID jobId, java.util.Collection<UUID> outputIds);

    Optional<QaCheck> findCheck(UUID jobId, UUID checkId);

    /** One cue of one language. */
    record LineRef(String language, String cueId) {
    }

    /** The cues whose current line is quarantined (made under a grant since revoked), by language and cue. */
    List<LineRef> quarantinedLines(UUID jobId);

    /** The checks of whole mixes (no line) that automatic QA flagged in one round of a job's work. */
    List<QaCheck> flaggedMixChecks(UUID jobId, int round);

    /** The languages a round of a job's work changed: those with a MIX task in it. */
    List<String> languagesMixedIn(UUID jobId, int round);

    void addEvent(JobEvent event);

    /** A job's progress events after {@code seq}, oldest first, at most {@code limit}. */
    List<JobEvent> eventsAfter(UUID jobId, long seq, int limit);
}
