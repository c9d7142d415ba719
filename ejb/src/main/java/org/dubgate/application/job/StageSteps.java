package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.domain.job.TaskState;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.media.mix.Assembler;
import org.dubgate.media.mix.DialogueStem;
import org.dubgate.media.mix.Iso639;
import org.dubgate.media.mix.ProgrammeMix;
import org.dubgate.media.mix.Span;
import org.dubgate.media.timing.TimeFit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The short transactions around MIX and ASSEMBLE; the media work itself runs in {@link MixWorker}
 * and {@link AssembleWorker} with no transaction open. The last language's MIX dispatches ASSEMBLE
 * (under the job's row lock, so exactly once); ASSEMBLE puts the job in review.
 */
@Stateless
public class StageSteps {

    private static final Logger LOG = Logger.getLogger(StageSteps.class.getName());

    @Inject
    JobRepository jobs;
    @Inject
    MediaAssetRepository media;
    @Inject
    ContentStore store;
    @Inject
    TaskDispatch dispatch;
    @Inject
    AuditLedger ledger;
    @Inject
    Clock clock;

    public Optional<MixWork> startMix(UUID taskId) {
        Optional<TaskDispatch.Started> started = dispatch.start(taskId, clock.instant());
        if (started.isEmpty()) {
            return Optional.empty();
        }
        DubbingJob job = started.get().job();
        String language = started.get().task().language().orElseThrow();
        JobTarget target = job.target(language).orElseThrow();
        Set<UUID> languageTasks = jobs.tasksOf(job.id()).stream()
                .filter(t -> t.kind() == TaskKind.SYNTHESIZE && t.language().filter(language::equals).isPresent())
                .map(JobTask::id).collect(Collectors.toSet());
        Map<String, CueOutput> outputs = jobs.outputsOfJob(job.id()).stream()
                .filter(o -> languageTasks.contains(o.taskId()) && o.usable())
                .collect(Collectors.toMap(CueOutput::cueId, Function.identity(), (a, b) -> a));
        List<DialogueStem.Line> lines = new ArrayList<>();
        List<Span> dubSpans = new ArrayList<>();
        for (JobCue cue : target.cuesOf(JobPlan.Approach.SYNTHETIC)) {
            CueOutput output = Optional.ofNullable(outputs.get(cue.cueId())).orElseThrow(() -> new IllegalStateException(
                    "cue " + cue.cueId() + " (" + language + ") has no usable synthesized line"));
            TimeFit fit = output.timeFit();
            lines.add(new DialogueStem.Line(file(output.contentSha256()), fit.start(), fit.tempo()));
            dubSpans.add(new Span(fit.start(), fit.start().plus(fit.fittedLength())));
        }
        for (JobCue cue : target.cuesOf(JobPlan.Approach.HUMAN)) {
            dubSpans.add(new Span(cue.start(), cue.end()));
        }
        List<Path> humanStems = target.cast().stream().filter(c -> c.approach() == JobPlan.Approach.HUMAN)
                .map(c -> mediaFile(c.dubStemMediaId().orElseThrow())).toList();
        List<Span> originalSpans = target.cuesOf(JobPlan.Approach.ORIGINAL).stream()
                .map(c -> new Span(c.start(), c.end())).toList();
        MediaAsset source = asset(job.sourceMediaId());
        Duration length = Duration.ofNanos(Math.round(source.durationSeconds().orElseThrow(() ->
                new IllegalStateException("source " + source.id() + " has no probed length")) * 1e9));
        return Optional.of(new MixWork(taskId, job.id(), language, file(source.contentSha256()),
                job.mneMediaId().map(this::mediaFile), job.dialogueMediaId().map(this::mediaFile), length, lines,
                humanStems, dubSpans, originalSpans));
    }

    /**
     * Records the language's stem and mix and ends the task; when it was the last language, dispatches
     * the job's ASSEMBLE. If the job was cancelled or blocked while mixing, nothing is recorded.
     */
    public void completeMix(UUID taskId, StoredContent stem, StoredContent mix, ProgrammeMix.Result result) {
        DubbingJob job = dispatch.lockedJobOf(taskId);
        JobTask task = dispatch.lockedTask(taskId);
        Instant now = clock.instant();
        if (!job.accepting()) {
            task.cancel(now); // stopped while the media work ran: nothing of it is kept
            return;
        }
        task.succeed(now);
        if (task.state() != TaskState.SUCCEEDED) {
            return;
        }
        Optional<String> language = task.language();
        List<String> flags = result.flag().map(f -> List.of(f.name())).orElse(List.of());
        jobs.addDeliverable(new Deliverable(job.id(), taskId, Deliverable.Kind.DIALOGUE_STEM, language, stem.sha256(),
                stem.sizeBytes(), Optional.empty(), List.of(), now));
        jobs.addDeliverable(new Deliverable(job.id(), taskId, Deliverable.Kind.FULL_MIX, language, mix.sha256(),
                mix.sizeBytes(), Optional.of(result.method() + ", " + result.channels() + " channels"), flags, now));
        if (job.languageMixed(language.orElseThrow(), now)) {
            LOG.info(() -> "job " + job.id() + ": every language is mixed; assembling");
            dispatch.dispatch(JobTask.assemble(job.id(), now));
        }
    }

    public Optional<AssembleWork> startAssemble(UUID taskId) {
        Optional<TaskDispatch.Started> started = dispatch.start(taskId, clock.instant());
        if (started.isEmpty()) {
            return Optional.empty();
        }
        DubbingJob job = started.get().job();
        List<Deliverable> made = jobs.deliverablesOf(job.id());
        List<Assembler.DubTrack> dubs = new ArrayList<>();
        for (JobTarget target : job.targets()) {
            Deliverable mix = made.stream().filter(d -> d.kind() == Deliverable.Kind.FULL_MIX
                    && d.language().filter(target.language()::equals).isPresent()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no full mix of " + target.language()));
            boolean synthetic = !target.cuesOf(JobPlan.Approach.SYNTHETIC).isEmpty();
            dubs.add(new Assembler.DubTrack(file(mix.contentSha256()), Iso639.bibliographic(target.language()),
                    Iso639.englishName(target.language()) + " dub" + (synthetic ? " (AI-generated dialogue)" : "")));
        }
        return Optional.of(new AssembleWork(taskId, job.id(), file(asset(job.sourceMediaId()).contentSha256()),
                job.originalLanguage().map(Iso639::bibliographic).orElse("und"), dubs));
    }

    /** Records the assembled programme, ends the task and puts the job in review (unless it was stopped meanwhile). */
    public void completeAssemble(UUID taskId, StoredContent programme) {
        DubbingJob job = dispatch.lockedJobOf(taskId);
        JobTask task = dispatch.lockedTask(taskId);
        Instant now = clock.instant();
        if (!job.accepting()) {
            task.cancel(now); // stopped while the media work ran: nothing of it is kept
            return;
        }
        task.succeed(now);
        if (task.state() != TaskState.SUCCEEDED) {
            return;
        }
        jobs.addDeliverable(new Deliverable(job.id(), taskId, Deliverable.Kind.PROGRAMME, Optional.empty(),
                programme.sha256(), programme.sizeBytes(), Optional.of("Matroska: picture and original audio copied, "
                + job.targets().size() + " dubbed PCM track(s)"), List.of(), now));
        job.readyForReview(now);
        long overflows = jobs.outputsOfJob(job.id()).stream().filter(o -> !o.flags().isEmpty()).count();
        ledger.append(new AuditRecord("assemble-worker", "JOB_READY_FOR_REVIEW", "job", job.id().toString(),
                Optional.empty(), Optional.empty(), "IN_REVIEW", Json.createObjectBuilder()
                .add("programmeSha256", programme.sha256()).add("linesFlagged", overflows).build().toString()));
    }

    private MediaAsset asset(UUID id) {
        return media.find(id).orElseThrow(() -> new NoSuchEntityException("media", id));
    }

    private Path mediaFile(UUID mediaId) {
        return file(asset(mediaId).contentSha256());
    }

    private Path file(String sha256) {
        return store.localFile(sha256).orElseThrow(() -> new IllegalStateException(
                "content " + sha256 + " is missing from storage"));
    }
}
