package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DeliveryProfile;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.media.mix.DialogueStem;
import org.dubgate.media.mix.Disclosure;
import org.dubgate.media.mix.Iso639;
import org.dubgate.media.mix.LanguageMix;
import org.dubgate.media.mix.LoudnessTarget;
import org.dubgate.media.mix.MixException;
import org.dubgate.media.mix.ProgrammeMix;
import org.dubgate.media.mix.Span;
import org.dubgate.media.timing.TimeFit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MIX: one language's dialogue stem (time-fitted lines over the HUMAN stems and the original
 * dialogue of ORIGINAL characters) and its full mix over the M&E or the original. Both files stream
 * through FFmpeg block by block into content storage.
 */
@ApplicationScoped
public class MixStage implements Stage<MixWork, MixStage.Mixed> {

    /** The language's two files and how the full mix was made. */
    public record Mixed(StoredContent stem, StoredContent mix, ProgrammeMix.Result result) {
    }

    @Inject
    JobRepository jobs;
    @Inject
    StoredFiles files;
    @Inject
    ContentStore store;

    @Override
    public TaskKind kind() {
        return TaskKind.MIX;
    }

    @Override
    public MixWork prepare(DubbingJob job, JobTask task) {
        String language = task.language().orElseThrow();
        JobTarget target = job.target(language).orElseThrow();
        Map<String, CueOutput> outputs = jobs.usableOutputsOf(job.id(), language);
        List<DialogueStem.Line> lines = new ArrayList<>();
        List<Span> dubSpans = new ArrayList<>();
        List<JobCue> synthetic = target.cuesOf(JobPlan.Approach.SYNTHETIC);
        List<CueOutput> spoken = new ArrayList<>();
        for (JobCue cue : synthetic) {
            spoken.add(Optional.ofNullable(outputs.get(cue.cueId())).orElseThrow(() -> new IllegalStateException(
                    "cue " + cue.cueId() + " (" + language + ") has no usable synthesized line")));
        }
        List<Path> lineFiles = files.of(spoken.stream().map(CueOutput::contentSha256).toList(), i -> "the synthesized "
                + "line of cue " + synthetic.get(i).cueId() + " (" + language + ", output " + spoken.get(i).id() + ")");
        for (int i = 0; i < synthetic.size(); i++) {
            JobCue cue = synthetic.get(i);
            TimeFit fit = spoken.get(i).timeFit();
            lines.add(new DialogueStem.Line(lineFiles.get(i), fit.start(), fit.tempo()));
            // the original line this one replaces sat in the cue: the original is ducked over the cue too, so
            // none of it is heard where the dub line ends before its cue does
            Duration end = fit.start().plus(fit.fittedLength());
            dubSpans.add(new Span(fit.start().compareTo(cue.start()) < 0 ? fit.start() : cue.start(),
                    end.compareTo(cue.end()) > 0 ? end : cue.end()));
        }
        for (JobCue cue : target.cuesOf(JobPlan.Approach.HUMAN)) {
            dubSpans.add(new Span(cue.start(), cue.end()));
        }
        List<Path> humanStems = target.cast().stream().filter(c -> c.approach() == JobPlan.Approach.HUMAN)
                .map(c -> files.ofMedia(c.dubStemMediaId().orElseThrow(), "the dub stem of " + c.character())).toList();
        List<Span> originalSpans = target.cuesOf(JobPlan.Approach.ORIGINAL).stream()
                .map(c -> new Span(c.start(), c.end())).toList();
        MediaAsset source = files.asset(job.sourceMediaId());
        Duration length = Duration.ofNanos(Math.round(source.durationSeconds().orElseThrow(() ->
                new IllegalStateException("source " + source.id() + " has no probed length")) * 1e9));
        return new MixWork(task.id(), job.id(), language, files.ofMedia(source.id(), "the source"),
                job.mneMediaId().map(id -> files.ofMedia(id, "the M&E stem")),
                job.dialogueMediaId().map(id -> files.ofMedia(id, "the original dialogue stem")), length, lines,
                humanStems, dubSpans, originalSpans, target.cues().stream().map(c -> new Span(c.start(), c.end())).toList(),
                job.loudness(), keptGain(job, task), lines.isEmpty() ? Optional.empty()
                        : Optional.of(Disclosure.aiDialogue(AssembleWork.MANIFEST, Iso639.englishName(language)
                        + " dub (AI-generated dialogue), job " + job.id())));
    }

    /** In a re-render round, the gain the language's current mix gave its dialogue: kept as it was. */
    private java.util.OptionalDouble keptGain(DubbingJob job, JobTask task) {
        if (task.round() == 0) {
            return java.util.OptionalDouble.empty();
        }
        return jobs.currentDeliverable(job.id(), Deliverable.Kind.FULL_MIX, task.language())
                .map(Deliverable::dialogueGainDb).orElse(java.util.OptionalDouble.empty());
    }

    @Override
    public Outcome<Mixed> work(MixWork work, Path folder) throws MixException, IOException {
        Measure measure = Measure.of(work.loudness(), work.cueSpans(), work.length());
        Path stem = folder.resolve("dialogue.wav");
        Path mix = folder.resolve("mix.wav");
        LoudnessTarget target = target(work.loudness(), measure);
        if (work.keptGainDb().isPresent()) {
            target = target.keepingGain(work.keptGainDb().getAsDouble());
        }
        LanguageMix language = new LanguageMix(work.source(), work.mne(), work.length(), work.lines(), beds(work),
                work.dubSpans()).withTarget(target, measure.over());
        ProgrammeMix.Result result = (work.disclosure().isPresent() ? language.withDisclosure(work.disclosure().get())
                : language).render(stem, mix);
        // the writers hashed the files as they wrote them: stored without being read again
        return Outcome.made(new Mixed(store.store(stem, result.stem().sha256(), result.stem().sizeBytes()),
                store.store(mix, result.mix().sha256(), result.mix().sizeBytes()), result));
    }

    /**
     * What the mix's level is measured over and aimed at, as CHECK will measure it: the script's cues
     * at the dialogue target, or — for a profile that measures the programme, or the streaming
     * profile when dialogue covers under 15 % of the runtime — the whole programme at its target.
     */
    record Measure(List<Span> over, double lufs) {

        static Measure of(LoudnessSpec spec, List<Span> cues, Duration length) {
            DeliveryProfile p = spec.profile();
            List<Span> programme = List.of(new Span(Duration.ZERO, length));
            if (p.measure() == DeliveryProfile.Measure.PROGRAMME) {
                return new Measure(programme, spec.targetLufs());
            }
            double share = covered(cues).toNanos() / (double) length.toNanos();
            return share < DeliveryProfile.SPARSE_DIALOGUE_SHARE ? new Measure(programme, p.sparseProgrammeLufs())
                    : new Measure(cues, spec.targetLufs());
        }

        /** How long the cues last together, overlaps once. */
        private static Duration covered(List<Span> cues) {
            List<Span> sorted = new ArrayList<>(cues);
            sorted.sort(java.util.Comparator.comparing(Span::start));
            Duration total = Duration.ZERO;
            Duration reached = Duration.ZERO;
            for (Span s : sorted) {
                Duration from = s.start().compareTo(reached) > 0 ? s.start() : reached;
                if (s.end().compareTo(from) > 0) {
                    total = total.plus(s.end().minus(from));
                    reached = s.end();
                }
            }
            return total;
        }
    }

    /** The job's loudness as MIX aims at it: the level over what is measured, and the ceiling no peak may pass. */
    static LoudnessTarget target(LoudnessSpec spec, Measure measure) {
        LoudnessTarget fixed = new LoudnessTarget(measure.lufs(), spec.toleranceLu(), spec.ceilingDbtp(),
                LoudnessTarget.Mode.FIXED);
        return spec.matchOriginal() ? fixed.matchingOriginal() : fixed;
    }

    /**
     * HUMAN stems whole; ORIGINAL characters' own dialogue during their cues — from the original
     * dialogue stem when there is one, else from the centre of a 5.1 source about to be replaced.
     * (A stereo source without M&E keeps them anyway: it is only ducked under dub lines.)
     */
    private static List<DialogueStem.Bed> beds(MixWork work) throws MixException {
        List<DialogueStem.Bed> beds = new ArrayList<>(work.humanStems().stream().map(DialogueStem.Bed::whole).toList());
        if (!work.originalSpans().isEmpty()) {
            if (work.originalDialogue().isPresent()) {
                beds.add(new DialogueStem.Bed(work.originalDialogue().get(), false, Optional.of(work.originalSpans())));
            } else if (work.mne().isEmpty() && ProgrammeMix.surround(work.source())) {
                beds.add(new DialogueStem.Bed(work.source(), true, Optional.of(work.originalSpans())));
            }
        }
        return beds;
    }

    @Override
    public void record(DubbingJob job, JobTask task, Mixed made, Instant now) {
        List<String> flags = made.result().flag().map(f -> List.of(f.name())).orElse(List.of());
        jobs.addDeliverable(new Deliverable(task, Deliverable.Kind.DIALOGUE_STEM, made.stem().sha256(),
                made.stem().sizeBytes(), Optional.empty(), List.of(), now));
        ProgrammeMix.Result r = made.result();
        String method = r.method() + ", " + r.channels() + " channels" + r.dialogue().map(d -> ", dialogue "
                + (d.mode() == LoudnessTarget.Mode.MATCH_ORIGINAL ? "matching the original, " : "") + "at "
                + (Double.isFinite(d.afterLufs()) ? Math.round(d.afterLufs() * 10) / 10.0 + " LUFS" : "an unmeasurable level") + d.fallback().map(f -> " (" + f + ")").orElse(""))
                .orElse("");
        Deliverable mix = new Deliverable(task, Deliverable.Kind.FULL_MIX, made.mix().sha256(),
                made.mix().sizeBytes(), Optional.of(method.length() <= 200 ? method : method.substring(0, 197) + "..."),
                flags, now);
        r.dialogue().ifPresent(d -> mix.loudnessControl(d.gainDb(), Math.max(d.limiter().maxGainReductionDb(),
                r.limiter().maxGainReductionDb())));
        jobs.addDeliverable(mix);
    }
}
