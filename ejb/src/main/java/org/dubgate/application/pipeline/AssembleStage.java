package org.dubgate.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskKind;
import org.dubgate.media.mix.Assembler;
import org.dubgate.media.mix.Iso639;
import org.dubgate.media.mix.MixException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ASSEMBLE: the picture and original audio stream-copied, one PCM track per language, and the
 * AI-generated-dialogue metadata (R7), into one Matroska file in content storage; and for each
 * lip-synced language a programme of its own: its altered picture, the original sound, its mix.
 */
@ApplicationScoped
public class AssembleStage implements Stage<AssembleWork, AssembleStage.Programmes> {

    /** What ASSEMBLE made: the programme, and each lip-synced language's. */
    public record Programmes(StoredContent programme, Map<String, StoredContent> lipSynced) {
    }

    @Inject
    JobRepository jobs;
    @Inject
    StoredFiles files;
    @Inject
    ContentStore store;

    @Override
    public TaskKind kind() {
        return TaskKind.ASSEMBLE;
    }

    @Override
    public AssembleWork prepare(DubbingJob job, JobTask task) {
        List<Assembler.DubTrack> dubs = new ArrayList<>();
        List<AssembleWork.LipSyncedLanguage> lipSynced = new ArrayList<>();
        List<JobTarget> targets = job.targets();
        // the latest round's mix of each language: a re-render mixes only the languages it changed
        List<Deliverable> mixes = targets.stream().map(target -> jobs.currentDeliverable(job.id(),
                Deliverable.Kind.FULL_MIX, Optional.of(target.language())).orElseThrow(() -> new IllegalStateException(
                "no full mix of " + target.language()))).toList();
        List<Path> mixFiles = files.of(mixes.stream().map(Deliverable::contentSha256).toList(), i -> "the full mix of "
                + targets.get(i).language() + " (deliverable " + mixes.get(i).id() + ")"); // fetched at once
        for (int i = 0; i < targets.size(); i++) {
            JobTarget target = targets.get(i);
            boolean synthetic = !target.cuesOf(JobPlan.Approach.SYNTHETIC).isEmpty();
            Assembler.DubTrack dub = new Assembler.DubTrack(mixFiles.get(i), Iso639.bibliographic(target.language()),
                    Iso639.englishName(target.language()) + " dub" + (synthetic ? " (AI-generated dialogue)" : ""));
            dubs.add(dub);
            if (!target.lipSyncedCast().isEmpty()) {
                Deliverable picture = jobs.currentDeliverable(job.id(), Deliverable.Kind.ALTERED_PICTURE,
                        Optional.of(target.language())).orElseThrow(() -> new IllegalStateException(
                        "no lip-synced picture of " + target.language()));
                lipSynced.add(new AssembleWork.LipSyncedLanguage(target.language(), files.of(picture.contentSha256(),
                        "the lip-synced picture of " + target.language() + " (deliverable " + picture.id() + ")"), dub));
            }
        }
        return new AssembleWork(task.id(), job.id(), files.ofMedia(job.sourceMediaId(), "the source"),
                job.originalLanguage().map(Iso639::bibliographic).orElse("und"), dubs, lipSynced);
    }

    @Override
    public Outcome<Programmes> work(AssembleWork work, Path folder) throws MixException, IOException {
        Path out = folder.resolve("programme.mkv");
        Assembler.assemble(work.source(), work.originalLanguage(), work.dubs(), AssembleWork.MANIFEST, out);
        Map<String, StoredContent> lipSynced = new LinkedHashMap<>();
        for (AssembleWork.LipSyncedLanguage l : work.lipSynced()) {
            Path own = folder.resolve("programme-" + l.language() + ".mkv");
            Assembler.assemble(l.picture(), work.originalLanguage(), List.of(l.dub()), AssembleWork.MANIFEST, own, true);
            lipSynced.put(l.language(), store.store(own));
        }
        return Outcome.made(new Programmes(store.store(out), lipSynced));
    }

    @Override
    public void record(DubbingJob job, JobTask task, Programmes made, Instant now) {
        StoredContent programme = made.programme();
        jobs.addDeliverable(new Deliverable(task, Deliverable.Kind.PROGRAMME, programme.sha256(), programme.sizeBytes(),
                Optional.of("Matroska: picture and original audio copied, " + job.targets().size()
                        + " dubbed PCM track(s)"), List.of(), now));
        made.lipSynced().forEach((language, own) -> jobs.addDeliverable(new Deliverable(task, Deliverable.Kind.PROGRAMME,
                Optional.of(language), own.sha256(), own.sizeBytes(), Optional.of("Matroska: the lip-synced picture of "
                + language + " (the source's elsewhere), the original audio and the " + language + " dub"), List.of(), now)));
    }
}
