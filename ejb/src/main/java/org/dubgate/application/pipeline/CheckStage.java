package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.media.mix.Span;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CHECK: one language's automatic QA after its MIX ({@link MixChecks} on the full mix, {@link
 * LineChecks} on every synthesized line), each check stored with its figure, threshold and verdict.
 * A FLAGGED check flags its line or the language's full mix for review; the job goes on to ASSEMBLE
 * and IN_REVIEW either way. Thresholds are read per run: {@code dubgate.qa.max-chars-per-second}
 * (20), {@code dubgate.qa.max-word-error-rate} (0.5), {@code dubgate.qa.recognizer-timeout-ms}
 * (30000) and {@code dubgate.qa.recognize-english} (true).
 */
@ApplicationScoped
public class CheckStage implements Stage<CheckWork, List<QaCheck.Finding>> {

    /** Without a picture there is no frame: the duration is held to the length of a 25 fps frame. */
    private static final Duration NO_PICTURE_FRAME = Duration.ofMillis(40);

    @Inject
    JobRepository jobs;
    @Inject
    StoredFiles files;

    @Override
    public TaskKind kind() {
        return TaskKind.CHECK;
    }

    @Override
    public CheckWork prepare(DubbingJob job, JobTask task) {
        String language = task.language().orElseThrow();
        JobTarget target = job.target(language).orElseThrow();
        Map<String, CueOutput> outputs = jobs.usableOutputsOf(job.id(), language);
        List<JobCue> checked = new ArrayList<>();
        List<CueOutput> spoken = new ArrayList<>();
        for (JobCue cue : target.cuesOf(JobPlan.Approach.SYNTHETIC)) {
            CueOutput output = Optional.ofNullable(outputs.get(cue.cueId())).orElseThrow(() -> new IllegalStateException(
                    "cue " + cue.cueId() + " (" + language + ") has no usable synthesized line"));
            if (output.round() == task.round()) { // a re-render checks the lines it made again, not the others
                checked.add(cue);
                spoken.add(output);
            }
        }
        List<Path> lineFiles = files.of(spoken.stream().map(CueOutput::contentSha256).toList(), i -> "the synthesized "
                + "line of cue " + checked.get(i).cueId() + " (" + language + ", output " + spoken.get(i).id() + ")");
        List<CheckWork.Line> lines = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            CueOutput output = spoken.get(i);
            lines.add(new CheckWork.Line(output.id(), checked.get(i).cueId(), lineFiles.get(i), checked.get(i).text(),
                    output.timeFit().overflow()));
        }
        List<Span> spans = target.cues().stream().map(c -> new Span(c.start(), c.end())).toList();
        Deliverable mix = fullMix(job, language);
        MediaAsset source = files.asset(job.sourceMediaId());
        Config config = ConfigProvider.getConfig();
        CheckWork.Thresholds thresholds = new CheckWork.Thresholds(
                config.getOptionalValue("dubgate.qa.max-chars-per-second", Double.class).orElse(20.0),
                config.getOptionalValue("dubgate.qa.max-word-error-rate", Double.class).orElse(0.5),
                Duration.ofMillis(config.getOptionalValue("dubgate.qa.recognizer-timeout-ms", Long.class).orElse(30_000L)),
                config.getOptionalValue("dubgate.qa.recognize-english", Boolean.class).orElse(true));
        return new CheckWork(task.id(), job.id(), language, files.of(mix.contentSha256(), "the full mix of " + language
                + " (deliverable " + mix.id() + ")"), files.ofMedia(source.id(), "the source"),
                source.durationSeconds().orElseThrow(() -> new IllegalStateException("source " + source.id()
                        + " has no probed length")), frameOf(source), spans, lines, job.loudness(), thresholds,
                mix.flags(), mix.dialogueGainDb());
    }

    @Override
    public Outcome<List<QaCheck.Finding>> work(CheckWork work, Path folder) throws Exception {
        List<QaCheck.Finding> found = new ArrayList<>(MixChecks.of(work));
        LineChecks lines = new LineChecks(work.thresholds(), work.language(), folder);
        for (CheckWork.Line line : work.lines()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("CHECK of " + work.language() + " interrupted");
            }
            found.addAll(lines.of(line));
        }
        return Outcome.made(found);
    }

    @Override
    public void record(DubbingJob job, JobTask task, List<QaCheck.Finding> found, Instant now) {
        String language = task.language().orElseThrow();
        Deliverable mix = fullMix(job, language);
        Map<UUID, CueOutput> outputs = new HashMap<>();
        jobs.usableOutputsOf(job.id(), language).values().forEach(o -> outputs.put(o.id(), o));
        for (QaCheck.Finding f : found) {
            jobs.addCheck(new QaCheck(job.id(), task.id(), language, f, now));
            if (f.verdict() != QaCheck.Verdict.FLAGGED) {
                continue;
            }
            if (f.outputId().isPresent()) {
                // a line quarantined since (a revocation) is no longer among them: nothing to flag
                Optional.ofNullable(outputs.get(f.outputId().get())).ifPresent(o -> o.flag(f.kind().name()));
            } else {
                mix.flag(f.kind().name());
            }
        }
    }

    private Deliverable fullMix(DubbingJob job, String language) {
        return jobs.currentDeliverable(job.id(), Deliverable.Kind.FULL_MIX, Optional.of(language))
                .orElseThrow(() -> new IllegalStateException("no full mix of " + language));
    }

    /** One frame of the source's first picture stream, from its probe. */
    private static Duration frameOf(MediaAsset source) {
        JsonObject probe = source.probeJson().map(j -> {
            try (var reader = Json.createReader(new StringReader(j))) {
                return reader.readObject();
            }
        }).orElse(JsonValue.EMPTY_JSON_OBJECT);
        return probe.getJsonArray("streams") == null ? NO_PICTURE_FRAME : probe.getJsonArray("streams")
                .getValuesAs(JsonObject.class).stream()
                .filter(s -> s.containsKey("frameRate") && s.get("frameRate").getValueType() == JsonValue.ValueType.NUMBER)
                .mapToDouble(s -> s.getJsonNumber("frameRate").doubleValue()).filter(r -> r > 0).findFirst()
                .stream().mapToObj(r -> Duration.ofNanos(Math.round(1e9 / r))).findFirst().orElse(NO_PICTURE_FRAME);
    }
}
