package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.Territory;
import org.dubgate.domain.consent.TitleCode;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.voice.Voice;
import org.dubgate.domain.voice.VoiceRepository;
import org.dubgate.media.voice.VoiceSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The short transactions around a synthesis run; the run itself (minutes of engine work) happens
 * in {@link SynthesisWorker} with no transaction open. Completing a language's last synthesis task
 * is the fan-in that dispatches its MIX.
 */
@Stateless
public class TaskSteps {

    private static final Logger LOG = Logger.getLogger(TaskSteps.class.getName());

    @Inject
    JobRepository jobs;
    @Inject
    VoiceRepository voices;
    @Inject
    AiModelRepository models;
    @Inject
    AuditLedger ledger;
    @Inject
    TaskDispatch dispatch;
    @Inject
    MediaAssetRepository media;
    @Inject
    Clock clock;

    /** Starts the task, or returns empty when there is nothing to do (ended, or its job no longer accepts work). */
    public Optional<SynthesisWork> start(UUID taskId) {
        Instant now = clock.instant();
        Optional<TaskDispatch.Started> started = dispatch.start(taskId, now);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        DubbingJob job = started.get().job();
        JobTask task = started.get().task();
        String language = task.language().orElseThrow();
        JobTarget target = job.target(language).orElseThrow();
        Voice voice = voices.find(task.voiceId().orElseThrow())
                .orElseThrow(() -> new NoSuchEntityException("voice", task.voiceId()));
        AiModel model = models.find(voice.modelId()).orElseThrow(() -> new NoSuchEntityException("model", voice.modelId()));
        Duration programme = programmeLength(job);
        Map<String, JobCue> cues = target.cues().stream().collect(Collectors.toMap(JobCue::cueId, Function.identity()));
        List<SynthesisWork.Line> lines = task.cueIds().stream().map(cues::get)
                .map(c -> new SynthesisWork.Line(c.cueId(), c.text(), c.start(), c.end(),
                        max(c.end(), target.nextCueStart(c).orElse(programme)))).toList();
        Set<String> done = jobs.outputsOf(taskId).stream().map(CueOutput::cueId).collect(Collectors.toSet());
        JobPlan plan = planOf(job, task, voice, now);
        return Optional.of(new SynthesisWork(taskId, job.id(), language, plan, model.id(), model.engine(),
                model.artifactSha256(), new VoiceSettings(voice.engineVoice(), voice.pitchPercent(), voice.ratePercent()),
                job.maxTempo(), lines, done));
    }

    /** The source's length as probed: the last cue of a character may borrow silence up to it. */
    private Duration programmeLength(DubbingJob job) {
        return media.find(job.sourceMediaId()).flatMap(MediaAsset::durationSeconds)
                .map(s -> Duration.ofNanos(Math.round(s * 1e9)))
                .orElseThrow(() -> new IllegalStateException("source " + job.sourceMediaId() + " has no probed length"));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The single use a synthesis task needs cleared: its character's voice, in its language, for its job. */
    static JobPlan planOf(DubbingJob job, JobTask task, Voice voice, Instant at) {
        return new JobPlan(new TitleCode(job.titleCode()), new Territory(job.territory()), job.purpose(), at,
                Optional.of(job.id()), List.of(new JobPlan.Target(
                LanguageTag.parse(task.language().orElseThrow()).orElseThrow(),
                List.of(new JobPlan.Character(task.character().orElseThrow(), JobPlan.Approach.SYNTHETIC,
                        voice.performerId(), Optional.of(voice.modelId()), Optional.empty())))));
    }

    /**
     * Keeps the lines made since the last call; a line the task recorded before is ignored (one
     * output per task and cue). The task row is locked first: if a revocation ended the task while
     * the engine ran, this waits for it to commit and keeps the lines quarantined; after a cancel
     * they are dropped.
     *
     * @return whether the task is still running, so its next lines should be made
     */
    public boolean recordOutputs(SynthesisWork work, List<SynthesisWork.Made> lines, Optional<UUID> grantId) {
        JobTask task = jobs.lockTask(work.taskId()).orElseThrow(() -> new NoSuchEntityException("task", work.taskId()));
        boolean running = task.state() == org.dubgate.domain.job.TaskState.RUNNING;
        if (task.state() == org.dubgate.domain.job.TaskState.CANCELLED) {
            return false; // a cancel stops the work: the lines in flight are dropped, what was kept stays
        }
        Set<String> recorded = jobs.outputsOf(work.taskId()).stream().map(CueOutput::cueId).collect(Collectors.toSet());
        Instant now = clock.instant();
        for (SynthesisWork.Made line : lines) {
            if (!recorded.add(line.cueId())) {
                continue;
            }
            CueOutput output = new CueOutput(work.taskId(), work.jobId(), line.cueId(), line.sha256(), line.length(),
                    line.fit(), line.engineTime(), work.modelId(), work.artifactSha256(), grantId.orElse(null), now);
            if (!running) {
                output.quarantine(); // blocked meanwhile (a revocation): kept for the record, never used
            }
            jobs.addOutput(output);
        }
        return running;
    }

    /**
     * Ends the task SUCCEEDED and, if it was its language's last synthesis task, marks the language
     * done and dispatches its MIX. The language's row is locked first, so when two workers finish at
     * the same moment the second waits, sees the first's task ended, and exactly one of them does
     * the fan-in (the conditional update decides).
     */
    public void complete(UUID taskId) {
        JobTask task = task(taskId);
        String language = task.language().orElseThrow();
        jobs.lockTarget(task.jobId(), language);
        task.succeed(clock.instant());
        if (task.state() != org.dubgate.domain.job.TaskState.SUCCEEDED) {
            return; // cancelled or blocked while it ran: what it made is kept, nothing follows from it
        }
        if (jobs.unfinishedTasks(task.jobId(), TaskKind.SYNTHESIZE, language) == 0
                && jobs.markSynthesisDone(task.jobId(), language)) {
            LOG.info(() -> "job " + task.jobId() + ": synthesis of " + language + " is complete; mixing it");
            ledger.append(new AuditRecord("synthesis-worker", "SYNTHESIS_COMPLETE", "job", task.jobId().toString(),
                    Optional.empty(), Optional.empty(), "DONE", Json.createObjectBuilder()
                    .add("language", language).build().toString()));
            dispatch.dispatch(JobTask.mix(task.jobId(), language, clock.instant()));
        }
    }

    /** The gate or the model hash refused the work (R9): the task and its job are BLOCKED, outputs quarantined. */
    public void block(UUID taskId, String reason, String by) {
        Instant now = clock.instant();
        DubbingJob job = dispatch.lockedJobOf(taskId);
        JobTask task = dispatch.lockedTask(taskId);
        task.block(reason, now);
        jobs.outputsOf(taskId).forEach(CueOutput::quarantine);
        job.block("task " + taskId + ": " + reason, now);
        ledger.append(new AuditRecord(by, "TASK_BLOCKED", "task", taskId.toString(), Optional.empty(), Optional.empty(),
                "BLOCKED", Json.createObjectBuilder().add("jobId", task.jobId().toString())
                .add("language", task.language().orElse("*")).add("reason", reason).build().toString()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAttemptFailure(UUID taskId, String error) {
        task(taskId).recordAttemptFailure(error, clock.instant());
    }

    /** Retries are exhausted: the task is FAILED, and its job with it. */
    public void failAfterRetries(UUID taskId, Optional<String> why) {
        DubbingJob job = dispatch.lockedJobOf(taskId);
        JobTask task = dispatch.lockedTask(taskId);
        Instant now = clock.instant();
        task.failAfterRetries(why, now);
        job.fail("task " + taskId + " failed after " + task.attempts() + " attempt(s): "
                + task.lastError().orElse("no error recorded"), now);
    }

    private JobTask task(UUID id) {
        return jobs.findTask(id).orElseThrow(() -> new NoSuchEntityException("task", id));
    }
}
