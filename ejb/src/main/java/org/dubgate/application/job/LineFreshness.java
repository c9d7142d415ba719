package org.dubgate.application.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dubgate.application.pipeline.SynthesisStage;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.voice.Voice;
import org.dubgate.domain.voice.VoiceRepository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which lines are stale: a line whose fingerprint (text, voice and settings, model hash, tempo limit)
 * differs from what its cue would be made with now — its text or settings edited since, the voice's
 * settings changed, the model's registered artifact replaced. Read for a page of lines at a time: a
 * few queries, never a whole script.
 */
@ApplicationScoped
public class LineFreshness {

    @Inject
    JobRepository jobs;
    @Inject
    VoiceRepository voices;
    @Inject
    AiModelRepository models;

    /** For each of these lines of one job, whether it is stale; a line made before fingerprints existed is not judged. */
    public Map<UUID, Boolean> staleness(DubbingJob job, Collection<CueOutput> lines) {
        List<CueOutput> judged = lines.stream().filter(o -> o.fingerprint().isPresent()).toList();
        List<UUID> tasks = judged.stream().map(CueOutput::taskId).distinct().toList();
        Map<UUID, String> languageOf = jobs.languagesOfTasks(tasks);
        Map<UUID, UUID> voiceOf = jobs.voicesOfTasks(tasks);
        Map<UUID, Voice> voice = voices.findAll(voiceOf.values().stream().distinct().toList());
        Map<UUID, AiModel> model = models.findAll(judged.stream().map(CueOutput::modelId).distinct().toList());
        Map<String, Map<String, JobCue>> cues = new HashMap<>();
        judged.stream().collect(Collectors.groupingBy(o -> languageOf.get(o.taskId())))
                .forEach((language, ofLanguage) -> cues.put(language, jobs.cuesOf(job.id(), language,
                        ofLanguage.stream().map(CueOutput::cueId).distinct().toList())));
        Map<UUID, Boolean> stale = new HashMap<>();
        for (CueOutput o : judged) {
            JobCue cue = cues.getOrDefault(languageOf.get(o.taskId()), Map.of()).get(o.cueId());
            Voice v = voice.get(voiceOf.get(o.taskId()));
            AiModel m = model.get(o.modelId());
            if (cue == null || v == null || m == null) {
                continue;
            }
            String wouldBe = SynthesisStage.recipe(cue, v, m.artifactSha256(), job.maxTempo()).fingerprint();
            stale.put(o.id(), !Objects.equals(wouldBe, o.fingerprint().get()));
        }
        return stale;
    }
}
