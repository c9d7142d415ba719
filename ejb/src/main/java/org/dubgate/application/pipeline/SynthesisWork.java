package org.dubgate.application.pipeline;

import org.dubgate.domain.gate.JobPlan;
import org.dubgate.media.timing.TimeFit;
import org.dubgate.media.voice.VoiceSettings;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a synthesis run needs, read in one short transaction: the single-use plan to re-check
 * (R9), the model and its registered hash, the voice settings, the job's time-fit tempo limit, the
 * batch's cues and which of them already have output (a redelivery continues where the last run stopped).
 */
public record SynthesisWork(UUID taskId, UUID jobId, int round, String language, JobPlan plan, UUID modelId,
                            String engine, String artifactSha256, List<Line> lines, Set<String> done) {

    /**
     * One cue to speak, and its slot: the line may run past {@code end} into the silence before
     * {@code window} (the character's next cue, or the programme's end) before time-fit speeds it up
     * up to {@code maxTempo}. Its settings are the voice's, or a reviewer's for this line;
     * {@code fingerprint} sums up what makes the line (see {@link SynthesisStage#recipe}).
     */
    public record Line(String cueId, String text, Duration start, Duration end, Duration window,
                       VoiceSettings settings, double maxTempo, String fingerprint) {
    }

    /** A line made and stored, waiting to be recorded: its audio, natural length, time-fit and engine time. */
    public record Made(Line line, String sha256, Duration length, TimeFit fit, Duration engineTime) {

        public String cueId() {
            return line.cueId();
        }
    }
}
