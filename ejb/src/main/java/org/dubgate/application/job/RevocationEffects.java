package org.dubgate.application.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.gate.GateService;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.consent.GrantRevoked;
import org.dubgate.domain.gate.GateDecision;
import org.dubgate.domain.job.AlteredShot;
import org.dubgate.domain.job.AlteredShotRepository;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobState;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskSummary;
import org.dubgate.application.pipeline.JobEvents;
import org.dubgate.application.pipeline.LipSyncStage;
import org.dubgate.application.pipeline.SynthesisStage;
import org.dubgate.domain.voice.VoiceRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a revocation does to work in progress (R9), in the revoking transaction: every open task
 * voiced by the performer, or re-drawing their on-screen mouth, is re-checked against the gate and
 * BLOCKED with the reason if it no longer clears; output made under the grant (lines, lip-synced
 * shots) is quarantined; the jobs concerned are BLOCKED; the files that
 * hold the performance are withheld and a delivery that used it is recalled ({@link
 * org.dubgate.application.delivery.Recall}).
 */
@ApplicationScoped
public class RevocationEffects {

    @Inject
    JobRepository jobs;
    @Inject
    VoiceRepository voices;
    @Inject
    AlteredShotRepository shots;
    @Inject
    GateService gate;
    @Inject
    AuditLedger ledger;
    @Inject
    JobEvents events;
    @Inject
    Clock clock;
    @Inject
    org.dubgate.application.delivery.Recall recall;

    void onRevocation(@Observes GrantRevoked event) {
        Instant now = clock.instant();
        Set<UUID> affected = new LinkedHashSet<>();
        // every job concerned locked first, in one order (by id), then the tasks: two revocations reaching
        // the same jobs queue up instead of deadlocking; later lockJob calls find them held already
        Set<UUID> voiced = new java.util.TreeSet<>(jobs.jobsWithOpenTasksVoicedBy(event.performerId()));
        Set<UUID> lipSyncing = new java.util.TreeSet<>(jobs.jobsLipSyncing(event.performerId()));
        Set<UUID> concerned = new java.util.TreeSet<>(voiced);
        concerned.addAll(lipSyncing);
        jobs.outputsUnderGrant(event.grantId()).forEach(o -> concerned.add(o.jobId()));
        shots.underGrant(event.grantId()).forEach(s -> concerned.add(s.jobId()));
        concerned.forEach(jobs::lockJob);
        for (UUID jobId : voiced) {
            Optional<DubbingJob> job = jobs.lockJob(jobId);
            if (job.isEmpty()) {
                continue;
            }
            for (JobTask task : jobs.openTasksOf(jobId)) {
                Optional<org.dubgate.domain.voice.Voice> voice = task.voiceId().flatMap(voices::find);
                if (voice.flatMap(org.dubgate.domain.voice.Voice::performerId).filter(event.performerId()::equals).isEmpty()) {
                    continue;
                }
                GateDecision decision = gate.decide(SynthesisStage.planOf(job.get(), task, voice.get(), now));
                if (!decision.allowed()) {
                    task.block("consent grant " + event.grantId() + " was revoked: " + decision.violations().stream()
                            .map(GateDecision.Violation::code).distinct().collect(Collectors.joining(", ")), now);
                    events.taskChanged(job.get(), JobEvent.Type.TASK_ENDED, TaskSummary.of(task));
                    affected.add(jobId);
                }
            }
        }
        // after the tasks: blocking them waits for any output a worker is recording right now, so
        // this query sees it (or the worker, waiting on us, sees its task ended and quarantines it)
        java.util.Map<UUID, Set<String>> languagesOf = new java.util.TreeMap<>();
        for (CueOutput output : jobs.outputsUnderGrant(event.grantId())) {
            output.quarantine();
            affected.add(output.jobId());
            jobs.findTask(output.taskId()).flatMap(JobTask::language).ifPresent(l -> languagesOf
                    .computeIfAbsent(output.jobId(), k -> new LinkedHashSet<>()).add(l));
        }
        // a revoked LIP_SYNC grant: a job still working whose cast re-draws the performer's mouth is blocked
        // at once, whether or not its LIP_SYNC task exists yet (it comes only after the language's CHECK), if
        // the gate no longer clears a lip-synced language of it; its open tasks are blocked with it below
        for (UUID jobId : lipSyncing) {
            Optional<DubbingJob> job = jobs.lockJob(jobId);
            if (job.isEmpty() || !job.get().accepting()) {
                continue;
            }
            for (JobTarget target : job.get().targets()) {
                if (target.lipSyncedCast().stream().noneMatch(c -> c.lipSync().orElseThrow().onScreenPerformerId()
                        .equals(event.performerId()))) {
                    continue;
                }
                GateDecision decision = gate.decide(LipSyncStage.planOf(job.get(), target.language(), now));
                if (!decision.allowed()) {
                    affected.add(jobId);
                }
            }
        }
        for (AlteredShot shot : shots.underGrant(event.grantId())) {
            shot.quarantine();
            affected.add(shot.jobId());
            languagesOf.computeIfAbsent(shot.jobId(), k -> new LinkedHashSet<>()).add(shot.language());
        }
        // what holds the revoked performance is no longer served, whatever the job's state (R9)
        for (var entry : languagesOf.entrySet()) {
            recall.withhold(entry.getKey(), entry.getValue(), event, now);
        }
        JsonArrayBuilder blocked = Json.createArrayBuilder();
        for (UUID jobId : affected) {
            jobs.lockJob(jobId).ifPresent(j -> {
                JobState before = j.state();
                j.block("consent grant " + event.grantId() + " was revoked", now);
                for (JobTask t : jobs.openTasksOf(jobId)) {
                    t.block("the job is blocked: consent grant " + event.grantId() + " was revoked", now);
                    events.taskChanged(j, JobEvent.Type.TASK_ENDED, TaskSummary.of(t));
                }
                if (j.state() != before) {
                    events.jobChanged(j, JobEvent.Type.JOB_STATE);
                }
                blocked.add(jobId.toString());
            });
        }
        if (!affected.isEmpty()) {
            ledger.append(new AuditRecord(event.revokedBy(), "JOBS_BLOCKED_BY_REVOCATION", "consent-grant",
                    event.grantId().toString(), Optional.of(event.performerId()), Optional.empty(), "BLOCKED",
                    Json.createObjectBuilder().add("jobs", blocked).build().toString()));
        }
    }
}
