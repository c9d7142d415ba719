package org.dubgate.application.pipeline;

import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.media.mix.Span;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Everything one language's CHECK needs, read in its start transaction: the language's full mix,
 * the source, the cue intervals, every synthesized line with its text, and the thresholds.
 *
 * @param frame        one frame of the source's picture (or 40 ms without a picture): the
 *                     tolerance of the programme's duration
 * @param mixFlags     what MIX already flagged on the full mix (NO_MNE_ORIGINAL_AUDIBLE)
 * @param dialogueGainDb the gain MIX applied to the dialogue, when it recorded one
 */
public record CheckWork(UUID taskId, UUID jobId, String language, Path fullMix, Path source, double sourceSeconds,
                        Duration frame, List<Span> cueSpans, List<Line> lines, LoudnessSpec loudness,
                        Thresholds thresholds, List<String> mixFlags, OptionalDouble dialogueGainDb) {

    /** One synthesized line: its output, cue, audio, script text and time-fit overflow. */
    public record Line(UUID outputId, String cueId, Path audio, String text, Optional<Double> overflowRatio) {
    }

    /**
     * What a line is held to: at most so many characters of text per second of audio (far above
     * speech, about 15, even sped up), and for English at most this word error rate of the
     * recognizer against the script.
     */
    public record Thresholds(double maxCharsPerSecond, double maxWordErrorRate, Duration recognizerTimeout,
                             boolean recognizeEnglish) {
    }

    public CheckWork {
        cueSpans = List.copyOf(cueSpans);
        lines = List.copyOf(lines);
        mixFlags = List.copyOf(mixFlags);
    }
}
