package org.dubgate.media.qa;

import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessAnalyzer;
import org.dubgate.media.loudness.LoudnessException;
import org.dubgate.media.mix.ProgrammeMix;
import org.dubgate.media.mix.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one language's automatic QA that come from its audio: the full mix's loudness
 * (dialogue-gated over the cues, programme, true peak) and its runs of full-scale samples from one
 * decode of the mix, the original's loudness over the same cues (levels only: its peaks are not the
 * dub's business), and each line's {@link LineAudit}.
 * The server's CHECK stage holds them to the delivery profile; {@code media-tools check} prints them.
 * Memory is flat with the programme's length: every file is streamed once.
 */
public final class LanguageAudit {

    /** What the audio says. */
    public record Figures(Loudness mix, LineFigures mixSamples, Optional<Loudness> original, List<LineFigures> lines) {
    }

    private final LineAudit audit = new LineAudit();

    public Figures audit(Path fullMix, Optional<Path> original, List<Span> cues, List<Path> lines)
            throws QaException, LoudnessException {
        LoudnessAnalyzer[] meter = new LoudnessAnalyzer[1];
        LineFigures samples = audit.audit(fullMix, (rate, channels) -> {
            meter[0] = new LoudnessAnalyzer(rate, weights(channels), cues);
            return meter[0]::accept;
        });
        Optional<Loudness> originalLoudness = original.isPresent()
                ? Optional.of(ProgrammeMix.originalLevels(original.get(), cues)) : Optional.empty();
        List<LineFigures> each = new ArrayList<>();
        for (Path line : lines) {
            each.add(audit.audit(line));
        }
        return new Figures(meter[0].finish(), samples, originalLoudness, each);
    }

    /**
     * BS.1770-4 channel weights by count, for the files dubgate writes (mono stems and lines, stereo
     * and 5.1 mixes in FFmpeg's order FL FR FC LFE BL BR): fronts 1, LFE 0, surrounds 1.41.
     */
    static double[] weights(int channels) {
        if (channels == 6) {
            return new double[]{1, 1, 1, 0, 1.41, 1.41};
        }
        double[] w = new double[channels];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }
}
