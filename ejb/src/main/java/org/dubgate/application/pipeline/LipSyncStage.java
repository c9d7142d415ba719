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
import org.dubgate.domain.job.AlteredShot;
import org.dubgate.domain.job.AlteredShotRepository;
import org.dubgate.domain.job.CastLine;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.Shot;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.media.lipsync.Alteration;
import org.dubgate.media.lipsync.LipSyncException;
import org.dubgate.media.lipsync.MouthModel;
import org.dubgate.media.lipsync.PictureAlteration;
import org.dubgate.media.lipsync.PixelBox;
import org.dubgate.media.lipsync.ShotAlteration;
import org.dubgate.media.mix.Span;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * LIP_SYNC: one language's on-screen mouths re-drawn to its dialogue stem, shot by shot, with every
 * GOP outside the shots stream-copied ({@link PictureAlteration}). Visual ADR alters a performance, so
 * the work runs only while the gate clears each on-screen performer's own LIP_SYNC grant and the model
 * (approved, its artifact hashing to the registry's SHA-256: R1, R5) — checked before the model runs,
 * the model's files fingerprinted between, and checked again before the result is recorded (R9).
 * What it records: the language's altered picture, and each shot with what it changed and how well the
 * picture matched the dub before and after, which review and the manifest show.
 */
@ApplicationScoped
public class LipSyncStage implements Stage<LipSyncWork, LipSyncStage.Made> {

    @Inject
    JobRepository jobs;
    @Inject
    AlteredShotRepository shots;
    @Inject
    AiModelRepository models;
    @Inject
    GateService gate;
    @Inject
    ModelArtifacts artifacts;
    @Inject
    StoredFiles files;
    @Inject
    ContentStore store;
    @Inject
    StageTransactions transactions;
    @Inject
    ThisNode node;

    /** What the work made: the altered picture, and each character's shots with the grant that cleared them. */
    public record Made(StoredContent picture, String method, List<MadeShot> shots) {

        /** A shot altered, before the last gate check says under which grant. */
        record Pending(LipSyncWork.Character character, AlteredShot.Alteration alteration) {
        }
    }

    public record MadeShot(LipSyncWork.Character character, AlteredShot.Alteration alteration, Optional<UUID> grantId) {
    }

    @Override
    public TaskKind kind() {
        return TaskKind.LIP_SYNC;
    }

    @Override
    public LipSyncWork prepare(DubbingJob job, JobTask task) {
        String language = task.language().orElseThrow();
        JobTarget target = job.target(language).orElseThrow();
        Deliverable stem = jobs.currentDeliverable(job.id(), Deliverable.Kind.DIALOGUE_STEM, Optional.of(language))
                .orElseThrow(() -> new IllegalStateException("no dialogue stem of " + language + " to lip-sync to"));
        List<LipSyncWork.Character> characters = new ArrayList<>();
        for (CastLine line : target.lipSyncedCast()) {
            JobPlan.LipSync ls = line.lipSync().orElseThrow();
            AiModel model = models.find(ls.modelId()).orElseThrow(() -> new NoSuchEntityException("model", ls.modelId()));
            characters.add(new LipSyncWork.Character(line.character(), ls.onScreenPerformerId(), model.id(),
                    model.engine(), model.artifactLocation(), model.artifactSha256(), target.shotsOf(line.character())));
        }
        return new LipSyncWork(task.id(), job.id(), language, files.ofMedia(job.sourceMediaId(), "the source"),
                files.of(stem.contentSha256(), "the dialogue stem of " + language + " (deliverable " + stem.id() + ")"),
                planOf(job, language, task.startedAt().orElseThrow()), characters);
    }

    /** The uses a language's lip-sync needs cleared: each lip-synced character's on-screen performer and model. */
    public static JobPlan planOf(DubbingJob job, String language, Instant at) {
        JobTarget target = job.target(language).orElseThrow();
        List<JobPlan.Character> characters = target.lipSyncedCast().stream().map(c -> new JobPlan.Character(
                c.character(), JobPlan.Approach.ORIGINAL, Optional.empty(), Optional.empty(), c.lipSync())).toList();
        return new JobPlan(new TitleCode(job.titleCode()), new Territory(job.territory()), job.purpose(), at,
                Optional.of(job.id()), List.of(new JobPlan.Target(LanguageTag.parse(language).orElseThrow(), characters)));
    }

    @Override
    public Outcome<Made> work(LipSyncWork work, Path folder) throws LipSyncException, IOException {
        // --- R5: each model's files fingerprinted right before the gate hashes them in full; compared after
        // every character's alteration and before the result is recorded
        List<ModelArtifacts.Pin> pins = new ArrayList<>();
        for (LipSyncWork.Character c : work.characters()) {
            ModelArtifacts.Pin pin = artifacts.pinFiles(c.modelId());
            if (pin instanceof ModelArtifacts.Refused refused) {
                return Outcome.refused(refused.reason());
            }
            pins.add(pin);
        }
        GateDecision before = gate.decide(work.plan());
        Optional<String> refused = before.refusal();
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        Path picture = work.source();
        List<Made.Pending> pending = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < work.characters().size(); i++) {
            LipSyncWork.Character c = work.characters().get(i);
            Path out = folder.resolve("picture-" + i + ".mkv");
            Alteration result;
            try (MouthModel model = new WhileRunning(MouthEngines.open(c.engine(), Path.of(c.artifactLocation())),
                    work.taskId())) {
                result = PictureAlteration.alter(picture, work.dialogue(), c.shots().stream()
                        .map(s -> new Span(s.start(), s.end())).toList(), model, out);
            } catch (TaskEnded ended) {
                return Outcome.stopped(); // cancelled or blocked (a revocation) meanwhile: nothing more is drawn
            }
            Optional<String> changed = ((ModelArtifacts.FilesHeld) pins.get(i)).changedAfter("the shots of " + c.name());
            if (changed.isPresent()) {
                return Outcome.refused(changed.get());
            }
            for (ShotAlteration s : result.shots()) {
                if (Double.isNaN(s.syncBefore()) || Double.isNaN(s.syncAfter())) {
                    throw new LipSyncException("the shot of " + c.name() + " at " + s.span().start() + " had too few "
                            + "frames with a face to score its sync with the dub: shorten the cue or check the picture");
                }
                if (s.mouthRegion().width() < 1 || s.mouthRegion().height() < 1) {
                    throw new LipSyncException("the shot of " + c.name() + " at " + s.span().start()
                            + " has no mouth region: no frame of it was re-drawn");
                }
                Path still = s.still().orElseThrow(() -> new LipSyncException("no before|after still of the shot of "
                        + c.name() + " at " + s.span().start()));
                pending.add(new Made.Pending(c, alteration(s, store.store(still).sha256())));
            }
            methods.add(c.name() + ": " + result.gopsReencoded() + " GOP(s) re-encoded (" + result.codec() + "), "
                    + result.gopsCopied() + " copied");
            picture = out;
        }
        // the grant each shot is recorded under is the one that clears it now, at the end: had the performer two
        // covering grants and the first was revoked meanwhile, the shots stand on the other
        GateDecision after = gate.decide(work.plan());
        Optional<String> refusedAfter = after.refusal();
        if (refusedAfter.isPresent()) {
            return Outcome.refused(refusedAfter.get() + " (checked again before committing the altered picture)");
        }
        List<MadeShot> made = pending.stream().map(p -> new MadeShot(p.character(), p.alteration(),
                grantOf(after, p.character().performerId()))).toList();
        return Outcome.made(new Made(store.store(picture), String.join("; ", methods), made));
    }

    /** The task ended while the model worked (a cancel, a revocation): the alteration stops at its next batch. */
    private static final class TaskEnded extends LipSyncException {
        TaskEnded(UUID taskId) {
            super("task " + taskId + " ended while its mouths were being re-drawn");
        }
    }

    /**
     * The model, asking at most every {@link #ASK_EVERY_NANOS} before a batch whether the task still runs
     * here — as synthesis does between lines — so a revocation stops the re-drawing of a face within
     * seconds, not at the end of a feature (R9).
     */
    private final class WhileRunning implements MouthModel {
        private static final long ASK_EVERY_NANOS = 2_000_000_000L;
        private final MouthModel model;
        private final UUID taskId;
        private long askedAt = System.nanoTime();

        WhileRunning(MouthModel model, UUID taskId) {
            this.model = model;
            this.taskId = taskId;
        }

        @Override
        public int cropSize() {
            return model.cropSize();
        }

        @Override
        public float[] render(int n, float[] mel, float[] faces) throws LipSyncException {
            if (System.nanoTime() - askedAt >= ASK_EVERY_NANOS) {
                askedAt = System.nanoTime();
                if (!transactions.renewLease(taskId, node.worker())) {
                    throw new TaskEnded(taskId);
                }
            }
            return model.render(n, mel, faces);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static AlteredShot.Alteration alteration(ShotAlteration s, String stillSha256) {
        PixelBox m = s.mouthRegion();
        return new AlteredShot.Alteration(new Shot(s.span().start(), s.span().end()),
                new Shot(duration(s.reencodedFromSeconds()), duration(s.reencodedToSeconds())), s.firstFrame(),
                s.lastFrame(), s.framesAltered(), s.faceFrames(), new AlteredShot.Region(m.x(), m.y(), m.width(),
                m.height()), s.syncBefore(), s.syncAfter(), stillSha256);
    }

    private static Optional<UUID> grantOf(GateDecision decision, UUID performerId) {
        return decision.uses().stream().filter(u -> performerId.equals(u.performerId()) && "LIP_SYNC".equals(u.use()))
                .map(GateDecision.UseDecision::grantId).filter(Objects::nonNull).findFirst();
    }

    @Override
    public void record(DubbingJob job, JobTask task, Made made, Instant now) {
        jobs.addDeliverable(new Deliverable(task, Deliverable.Kind.ALTERED_PICTURE, made.picture().sha256(),
                made.picture().sizeBytes(), Optional.of(made.method()), List.of(), now));
        for (MadeShot s : made.shots()) {
            shots.add(AlteredShot.made(task, s.character().name(), s.alteration(), new AlteredShot.Provenance(
                    s.character().modelId(), s.character().modelSha256(), s.character().performerId(), s.grantId()), now));
        }
    }

}
