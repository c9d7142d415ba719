package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.pipeline.JobEvents;
import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.job.TaskSummary;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.job.JobState;
import org.dubgate.domain.shared.GoneException;
import org.dubgate.domain.shared.NotPermittedException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs as managers see them. Submission: the request is checked ({@link JobRequestValidation}), the
 * consent gate decides (its decision is recorded in the ledger in any case; 409 when blocked), then
 * the job, the tasks it plans and their queue messages commit together. Reads load what they show:
 * a job with its targets and task summaries, never every cue.
 */
@Stateless
public class JobService {

    /** A submission's outcome: the job, and whether this call created it (false for a repeated Idempotency-Key). */
    public record Submission(DubbingJob job, boolean created) {
    }

    /** Where a job stands now, as the first event of a progress stream: its latest event number and state. */
    public record ProgressSnapshot(long seq, String payload, boolean ended, String jobState) {
    }

    /** A job with its tasks as a progress view shows them, and how many of its review items are in each state. */
    public record JobView(DubbingJob job, List<TaskSummary> tasks,
                          Map<org.dubgate.domain.review.ReviewState, Long> review) {
    }

    @Inject
    JobRepository jobs;
    @Inject
    JobRequestValidation validation;
    @Inject
    GateService gate;
    @Inject
    JobAdmission admission;
    @Inject
    JobEvents events;
    @Inject
    ContentStore store;
    @Inject
    org.dubgate.domain.review.ReviewItemRepository reviewItems;
    @Inject
    LineFreshness freshness;
    @Inject
    Clock clock;

    /**
     * Runs outside any transaction: the checks only read, and the gate's decision commits on its own
     * (the ledger keeps a refusal too). Only an allowed job opens the transaction that queues it —
     * so the gate's transaction is never nested inside another, where the connection it used would
     * be handed back to a transaction that no longer knows it (IJ000311 in the log).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Submission submit(Caller manager, JobRequest request, Optional<String> idempotencyKey) {
        Optional<DubbingJob> earlier = idempotencyKey.flatMap(k -> jobs.findByIdempotencyKey(manager.username(), k));
        if (earlier.isPresent()) {
            return new Submission(earlier.get(), false);
        }
        UUID jobId = UUID.randomUUID();
        JobRequestValidation.Validated v = validation.validate(request);
        GateService.Check check = gate.checkOnItsOwn(manager, validation.planOf(jobId, request, v), "submission");
        if (!check.decision().allowed()) {
            throw new ConsentBlockedException(check);
        }
        return new Submission(admission.queue(manager, jobId, request, v, check, idempotencyKey), true);
    }

    public DubbingJob get(UUID id) {
        return jobs.find(id).orElseThrow(() -> new NoSuchEntityException("job", id));
    }

    /** The job with its targets (not their cues) and its tasks (not their cue lists). */
    public JobView view(UUID id) {
        DubbingJob job = get(id);
        job.targets().size(); // the targets, while the transaction is open
        return new JobView(job, jobs.taskSummaries(id), reviewItems.countsOf(id));
    }

    /** Jobs newest first, with each one's progress. */
    public Page<DubbingJob> list(JobRepository.JobQuery query, PageRequest page) {
        Page<DubbingJob> found = jobs.list(query, page);
        found.items().forEach(j -> j.targets().size());
        return found;
    }

    public Map<UUID, JobRepository.Progress> progressOf(List<UUID> jobIds) {
        return jobs.progressOf(jobIds);
    }

    /** Review items per state of each job of a page (QA's progress), in one query. */
    public Map<UUID, Map<org.dubgate.domain.review.ReviewState, Long>> reviewCountsOf(List<UUID> jobIds) {
        return reviewItems.countsOf(jobIds);
    }

    /** Stops dispatch and running work (between two lines); what was made is kept. */
    public JobView cancel(Caller manager, UUID id) {
        DubbingJob job = jobs.lockJob(id).orElseThrow(() -> new NoSuchEntityException("job", id));
        Instant now = clock.instant();
        job.cancel(now);
        for (JobTask task : jobs.openTasksOf(id)) {
            task.cancel(now);
            events.taskChanged(job, JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
        }
        events.jobChanged(job, JobEvent.Type.JOB_STATE);
        return view(id);
    }

    /** A job's synthesized lines with their provenance (model, artifact hash, covering grant), a page at a time. */
    public Page<CueOutput> outputs(UUID jobId, PageRequest page) {
        return jobs.outputsOfJob(get(jobId).id(), page);
    }

    /** A page of outputs with their automatic QA checks, loaded for that page's lines only. */
    /** A page of outputs with their checks and whether each is stale ({@link LineFreshness}). */
    public record OutputsWithChecks(Page<CueOutput> page, Map<UUID, List<QaCheck>> checks, Map<UUID, Boolean> stale) {
    }

    public OutputsWithChecks outputsWithChecks(UUID jobId, PageRequest page) {
        DubbingJob job = get(jobId);
        Page<CueOutput> outputs = jobs.outputsOfJob(jobId, page);
        return new OutputsWithChecks(outputs, jobs.checksOfOutputs(jobId, outputs.items().stream().map(CueOutput::id)
                .toList()).stream().collect(java.util.stream.Collectors.groupingBy(c -> c.outputId().orElseThrow())),
                freshness.staleness(job, outputs.items()));
    }

    /** Whether one line is stale: empty when it cannot be judged (made before fingerprints existed). */
    public Optional<Boolean> stale(UUID jobId, CueOutput output) {
        return Optional.ofNullable(freshness.staleness(get(jobId), List.of(output)).get(output.id()));
    }

    /** One line's automatic QA checks. */
    public List<QaCheck> checksOf(UUID jobId, CueOutput output) {
        return jobs.checksOfOutputs(jobId, List.of(output.id()));
    }

    /** A job's automatic QA checks, a page at a time, of one verdict when given. */
    public Page<QaCheck> checks(UUID jobId, Optional<QaCheck.Verdict> verdict, PageRequest page) {
        return jobs.checksOf(get(jobId).id(), verdict, page);
    }

    public CueOutput output(UUID jobId, UUID outputId) {
        return jobs.findOutput(jobId, outputId).orElseThrow(() -> new NoSuchEntityException("output", outputId));
    }

    /** The files the job's stages made, a page at a time. */
    public Page<Deliverable> deliverables(UUID jobId, PageRequest page) {
        return jobs.deliverablesOf(get(jobId).id(), page);
    }

    public Deliverable deliverable(UUID jobId, UUID deliverableId) {
        return jobs.findDeliverable(jobId, deliverableId)
                .orElseThrow(() -> new NoSuchEntityException("deliverable", deliverableId));
    }

    /**
     * A deliverable's file, if it may be served to this caller: never one that holds a revoked
     * performance or that a later round replaced (410), and a FINAL job's files only to QA until the
     * job is approved (R6: for review only, 403 to its manager).
     */
    public ContentSource contentOf(Caller caller, Deliverable d) {
        d.withheldReason().ifPresent(r -> {
            throw new GoneException("deliverable " + d.id() + " is no longer served: " + r);
        });
        if (jobs.currentDeliverable(d.jobId(), d.kind(), d.language()).filter(c -> c.id().equals(d.id())).isEmpty()) {
            throw new GoneException("deliverable " + d.id() + " was replaced by a later round of the job's work "
                    + "(a re-render): it is kept for the record, never served");
        }
        forReviewOnly(caller, get(d.jobId()));
        return store.find(d.contentSha256()).orElseThrow(() -> new GoneException(
                "the file " + d.contentSha256() + " of deliverable " + d.id() + " is no longer in storage"));
    }

    /** R6: until a FINAL job is approved, what it made is for QA's ears; its manager downloads the delivery. */
    private static void forReviewOnly(Caller caller, DubbingJob job) {
        if (job.purpose() == org.dubgate.domain.consent.Purpose.FINAL && !caller.has(Role.QA) && !caller.has(Role.ADMIN)
                && job.state() != JobState.APPROVED && job.state() != JobState.DELIVERED) {
            throw new NotPermittedException("job " + job.id() + " is FINAL and " + job.state() + ": its files are for "
                    + "review only until QA approves every synthesized line (R6)");
        }
    }

    /** A synthesized line's audio file; quarantined or superseded output is never served. */
    public ContentSource outputAudio(Caller caller, UUID jobId, UUID outputId) {
        CueOutput output = output(jobId, outputId);
        if (output.quarantined()) {
            throw new GoneException("output " + outputId
                    + " is quarantined: it was made under consent that has since been revoked");
        }
        if (output.superseded()) {
            throw new GoneException("output " + outputId + " was replaced by a re-rendered version of cue "
                    + output.cueId() + ": it is kept for the record, never served");
        }
        forReviewOnly(caller, get(jobId));
        return store.find(output.contentSha256()).orElseThrow(() -> new GoneException(
                "the audio of output " + outputId + " is no longer stored (a TEMP job's files are removed after its "
                        + "delivery's retention)"));
    }

    public ProgressSnapshot progress(UUID jobId) {
        DubbingJob job = get(jobId);
        JobRepository.Progress progress = jobs.progressOf(List.of(jobId)).getOrDefault(jobId, JobRepository.Progress.NONE);
        return new ProgressSnapshot(job.lastEventSequence(), JobEvents.payload(job, job.lastEventSequence(), "SNAPSHOT",
                progress, Optional.empty()), !job.accepting(), job.state().name());
    }

    /** A job's progress events after {@code seq}, oldest first (resuming a progress stream). */
    public List<JobEvent> eventsAfter(UUID jobId, long seq, int limit) {
        return jobs.eventsAfter(jobId, seq, limit);
    }
}
