package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.application.registry.ModelArtifacts;
import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.Territory;
import org.dubgate.domain.consent.TitleCode;
import org.dubgate.domain.gate.GateDecision;
import org.dubgate.domain.gate.JobPlan;
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
import org.dubgate.media.timing.TimeFit;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.Speech;
import org.dubgate.media.voice.VoiceEngine;
import org.dubgate.media.voice.VoiceSettings;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SYNTHESIZE: one batch of a character's cues in one language. Before running the model the work
 * re-checks the consent gate for this exact use, which includes the model's artifact hash (R5, R9);
 * it makes each line, time-fits it against its cue and stores its audio, and records the lines in
 * small groups (a repeated run skips lines recorded before; when an attempt fails, the lines it made
 * are recorded first, so the retry resumes after them); before the task completes it checks the
 * gate once more, so a revocation that landed meanwhile stops the work and quarantines what was made.
 */
@ApplicationScoped
public class SynthesisStage implements Stage<SynthesisWork, Void> {

    /**
     * Lines are recorded a few at a time: one short transaction per group instead of per line (fast
     * engines make a line in tens of milliseconds). A group is recorded once it holds this many lines
     * or its oldest line has waited this long, so a slow engine's lines are recorded one by one and a
     * cancel or revocation is seen within a quarter of a second.
     */
    static final int RECORD_AT_MOST = 8;
    static final long RECORD_WITHIN_NANOS = 250_000_000L;

    @Inject
    JobRepository jobs;
    @Inject
    VoiceRepository voices;
    @Inject
    AiModelRepository models;
    @Inject
    MediaAssetRepository media;
    @Inject
    GateService gate;
    @Inject
    ContentStore store;
    @Inject
    SynthesizedLines lines;
    @Inject
    ModelArtifacts artifacts;

    @Override
    public TaskKind kind() {
        return TaskKind.SYNTHESIZE;
    }

    @Override
    public SynthesisWork prepare(DubbingJob job, JobTask task) {
        String language = task.language().orElseThrow();
        JobTarget target = job.target(language).orElseThrow();
        Voice voice = voices.find(task.voiceId().orElseThrow())
                .orElseThrow(() -> new NoSuchEntityException("voice", task.voiceId()));
        AiModel model = models.find(voice.modelId()).orElseThrow(() -> new NoSuchEntityException("model", voice.modelId()));
        Duration programme = programmeLength(job);
        Map<String, JobCue> cues = target.cues().stream().collect(Collectors.toMap(JobCue::cueId, Function.identity()));
        List<SynthesisWork.Line> batch = new ArrayList<>();
        for (String cueId : task.cueIds()) {
            JobCue c = cues.get(cueId);
            Recipe recipe = recipe(c, voice, model.artifactSha256(), job.maxTempo());
            batch.add(new SynthesisWork.Line(c.cueId(), c.text(), c.start(), c.end(),
                    max(c.end(), target.nextCueStart(c).orElse(programme)), recipe.settings(), recipe.maxTempo(),
                    recipe.fingerprint()));
        }
        Set<String> done = jobs.cuesRecordedBy(task.id());
        return new SynthesisWork(task.id(), job.id(), task.round(), language,
                planOf(job, task, voice, task.startedAt().orElseThrow()), model.id(), model.engine(),
                model.artifactSha256(), batch, done);
    }

    /** How a cue's line is made: the voice's settings and the tempo limit, as they apply to it, and its fingerprint. */
    public record Recipe(VoiceSettings settings, double maxTempo, String fingerprint) {
    }

    /**
     * How this cue's line is made now: the voice's settings with a reviewer's for this line over them
     * (a re-render), the job's tempo limit unless the reviewer set one, and the fingerprint of it all.
     */
    public static Recipe recipe(JobCue cue, Voice voice, String modelSha256, double jobMaxTempo) {
        VoiceSettings settings = new VoiceSettings(voice.engineVoice(), cue.pitchPercent().orElse(voice.pitchPercent()),
                cue.ratePercent().orElse(voice.ratePercent()));
        double maxTempo = cue.maxTempo().orElse(jobMaxTempo);
        return new Recipe(settings, maxTempo, fingerprint(cue.text(), settings, modelSha256, maxTempo));
    }

    /**
     * What makes a line what it is — its text, the voice and its settings, the model's artifact hash
     * and the tempo limit — as one SHA-256: a line whose fingerprint differs from what its cue would
     * make now is stale.
     */
    private static String fingerprint(String text, VoiceSettings settings, String modelSha256, double maxTempo) {
        String all = String.join("\n", text, settings.voice().orElse(""), Integer.toString(settings.pitchPercent()),
                Integer.toString(settings.ratePercent()), modelSha256, Double.toString(maxTempo));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
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
    public static JobPlan planOf(DubbingJob job, JobTask task, Voice voice, Instant at) {
        return new JobPlan(new TitleCode(job.titleCode()), new Territory(job.territory()), job.purpose(), at,
                Optional.of(job.id()), List.of(new JobPlan.Target(
                LanguageTag.parse(task.language().orElseThrow()).orElseThrow(),
                List.of(new JobPlan.Character(task.character().orElseThrow(), JobPlan.Approach.SYNTHETIC,
                        voice.performerId(), Optional.of(voice.modelId()), Optional.empty())))));
    }

    @Override
    public Outcome<Void> work(SynthesisWork work, Path folder) {
        // --- R5 between the two full checks (issue 10): the engine runs from exactly the model's
        // registered files; their fingerprint, taken here right before the gate hashes them in full,
        // is compared before every line below (a stat per file), so a change stops the next line
        ModelArtifacts.Pin pin = artifacts.pin(work.modelId());
        if (pin instanceof ModelArtifacts.Refused refusedPin) {
            return Outcome.refused(refusedPin.reason());
        }
        ModelArtifacts.Held model = (ModelArtifacts.Held) pin;
        VoiceEngine engine = model.engine();
        // --- end R5
        GateDecision before = gate.decide(work.plan());
        Optional<String> refused = before.refusal();
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        Optional<UUID> grant = before.uses().stream().map(GateDecision.UseDecision::grantId)
                .filter(Objects::nonNull).findFirst();
        Duration lineTimeout = lineTimeout();
        List<SynthesisWork.Made> pending = new ArrayList<>();
        try {
            long oldestPending = 0;
            for (SynthesisWork.Line line : work.lines()) {
                if (work.done().contains(line.cueId())) {
                    continue;
                }
                // --- R5 per line (issue 10): a changed artifact file stops the work before this line; the
                // lines made before are kept, and quarantined with the task's block like any refusal's
                Optional<String> changed = model.changedBefore(line.cueId());
                if (changed.isPresent()) {
                    return !pending.isEmpty() && !lines.keep(work, pending, grant) ? Outcome.stopped()
                            : Outcome.refused(changed.get());
                }
                // --- end R5
                if (pending.isEmpty()) {
                    oldestPending = System.nanoTime();
                }
                pending.add(speak(work, engine, line, folder, lineTimeout));
                if (pending.size() >= RECORD_AT_MOST || System.nanoTime() - oldestPending >= RECORD_WITHIN_NANOS) {
                    boolean running = lines.keep(work, pending, grant);
                    pending.clear();
                    if (!running) {
                        return Outcome.stopped(); // cancelled or blocked meanwhile: what was made is kept
                    }
                }
            }
            if (!pending.isEmpty() && !lines.keep(work, pending, grant)) {
                return Outcome.stopped();
            }
        } catch (RuntimeException e) {
            keepBeforeFailing(work, pending, grant, e);
            throw e;
        }
        Optional<String> refusedAfter = gate.decide(work.plan()).refusal();
        if (refusedAfter.isPresent()) {
            return Outcome.refused(refusedAfter.get() + " (checked again before committing the output)");
        }
        return Outcome.made(null);
    }

    /**
     * How long one engine run may take before it is killed. Read at every run, so an operator (or a
     * test) can change it on a running server: {@code dubgate.synthesis.line-timeout-ms}.
     */
    private static Duration lineTimeout() {
        return Duration.ofMillis(ConfigProvider.getConfig()
                .getOptionalValue("dubgate.synthesis.line-timeout-ms", Long.class).orElse(60_000L));
    }

    /** Records the lines made before a failure, so the retry resumes after them, not before. */
    private void keepBeforeFailing(SynthesisWork work, List<SynthesisWork.Made> pending, Optional<UUID> grant,
                                   RuntimeException failure) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            lines.keep(work, pending, grant);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed); // the original failure is what the task reports
        }
    }

    /** Makes one line in the run's folder, time-fits it and stores its audio. */
    private SynthesisWork.Made speak(SynthesisWork work, VoiceEngine engine, SynthesisWork.Line line, Path folder,
                                     Duration timeout) {
        Path wav = folder.resolve("line-" + line.cueId().hashCode() + "-" + System.nanoTime() + ".wav");
        try {
            long began = System.nanoTime();
            Speech speech = engine.synthesize(line.text(), work.language(), line.settings(), wav, timeout);
            Duration engineTime = Duration.ofNanos(System.nanoTime() - began);
            TimeFit fit = TimeFit.plan(line.start(), line.end(), line.window(), speech.length(), line.maxTempo());
            StoredContent stored = store.store(wav);
            return new SynthesisWork.Made(line, stored.sha256(), speech.length(), fit, engineTime);
        } catch (EngineException e) {
            throw new IllegalStateException("cue " + line.cueId() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cue " + line.cueId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void record(DubbingJob job, JobTask task, Void result, Instant now) {
        // every line was recorded as it was made (SynthesizedLines); nothing is left to record
    }

}
