package org.dubgate.media.mix;

import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessAnalyzer;
import org.dubgate.media.loudness.LoudnessException;
import org.dubgate.media.loudness.LoudnessMeter;
import org.dubgate.media.loudness.TruePeakLimiter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A language's full mix (DESIGN.md § Media): the dialogue stem over the M&E stem when there is one;
 * for a 5.1 source without M&E, the dialogue replaces the centre channel; for a stereo source
 * without M&E, the original is ducked by 18 dB under each dub line (with short ramps) and the mix is
 * flagged {@link Flag#NO_MNE_ORIGINAL_AUDIBLE}. 48 kHz, 24-bit WAV, written block by block. Where the
 * sum would go over the true-peak ceiling a {@link TruePeakLimiter} brings it down (no hard clipping);
 * everywhere else the sum is written as it is. The writing is {@link FullMix}'s.
 */
public final class ProgrammeMix {

    /** A QA flag the mix raises. */
    public enum Flag { NO_MNE_ORIGINAL_AUDIBLE }

    /**
     * How the mix was made, what QA should know, and what was written.
     *
     * @param limiter  what the full mix's true-peak limiter did
     * @param dialogue how the dialogue stem was levelled, when the language has a loudness target
     * @param stem     the dialogue stem's file: hashed as it was written when MIX wrote it
     * @param mix      the full mix's file, hashed as it was written
     */
    public record Result(String method, int channels, Optional<Flag> flag, TruePeakLimiter.Activity limiter,
                         Optional<DialogueLevel> dialogue, FileDigest stem, FileDigest mix) {

        /** This result, with how the dialogue stem under it was levelled. */
        public Result withDialogue(DialogueLevel level) {
            return new Result(method, channels, flag, limiter, Optional.of(level), stem, mix);
        }
    }

    /**
     * The ceiling of a mix made without a loudness target: 0 dBTP, just what the 24-bit file can hold,
     * so the limiter only stands in for the hard clip it replaced.
     */
    public static final double FULL_SCALE_DBTP = 0.0;

    public static final double DUCK_DB = -18.0;
    static final Duration RAMP = Duration.ofMillis(50);
    private static final int BLOCK = 4_800;
    private static final int CENTRE = 2; // FL FR FC LFE BL BR

    private ProgrammeMix() {
    }

    /** Mixes with the true peak held under full scale ({@link #FULL_SCALE_DBTP}). */
    public static Result mix(Path dialogueStem, Optional<Path> mne, Path source, List<Span> dubLines, Duration length,
                             Path out) throws MixException {
        return mix(dialogueStem, mne, source, dubLines, length, FULL_SCALE_DBTP, out);
    }

    /** Mixes with the true peak held at or under {@code ceilingDbtp}. */
    public static Result mix(Path dialogueStem, Optional<Path> mne, Path source, List<Span> dubLines, Duration length,
                             double ceilingDbtp, Path out) throws MixException {
        return mix(dialogueStem, mne, source, dubLines, length, ceilingDbtp, Optional.empty(), out);
    }

    /**
     * Mixes as above, the file saying what it is (in its INFO chunk) when a disclosure is given. The
     * stem is read from its file ({@link LanguageMix} hands it over in memory as it writes it instead)
     * and hashed for the result.
     */
    static Result mix(Path dialogueStem, Optional<Path> mne, Path source, List<Span> dubLines, Duration length,
                      double ceilingDbtp, Optional<Disclosure> disclosure, Path out) throws MixException {
        long total = DialogueStem.samples(length);
        try (FullMix full = new FullMix(mne, source, dubLines, length, ceilingDbtp, disclosure, out);
             PcmReader dialogue = new PcmReader(dialogueStem, "mono", 1)) {
            float[] d = new float[BLOCK];
            for (long at = 0; at < total; at += BLOCK) {
                int n = (int) Math.min(BLOCK, total - at);
                dialogue.read(d, n);
                full.dialogue(d, n);
            }
            return full.finish(FileDigest.of(dialogueStem));
        }
    }

    /**
     * The loudness of the bed alone over {@code gateOn} as it sounds in the mix (ducked under the dub
     * lines, or with its centre emptied for the dialogue): what the dialogue adds to, so MIX can aim
     * the dialogue at a level that brings the mix, not the stem alone, to the target.
     */
    public static double bedLoudness(Optional<Path> mne, Path source, List<Span> dubLines, Duration length,
                                     List<Span> gateOn) throws MixException {
        Path bed = mne.orElse(source);
        boolean surround = surround(bed);
        int channels = surround ? 6 : 2;
        long total = DialogueStem.samples(length);
        float duck = (float) Math.pow(10, DUCK_DB / 20);
        SpanCursor ducking = new SpanCursor(dubLines, DialogueStem.samples(RAMP));
        // BS.1770-4 weights: fronts 1, LFE 0, surrounds 1.41
        double[] weights = surround ? new double[]{1, 1, 1, 0, 1.41, 1.41} : new double[]{1, 1};
        LoudnessAnalyzer meter = new LoudnessAnalyzer(DialogueStem.RATE, weights, gateOn, false);
        try (PcmReader original = PcmReader.ofSource(bed, surround ? "5.1" : "stereo", channels)) {
            float[] o = new float[BLOCK * channels];
            for (long at = 0; at < total; at += BLOCK) {
                int n = (int) Math.min(BLOCK, total - at);
                original.read(o, n);
                bed(o, n, at, channels, mne.isPresent(), surround, ducking, duck);
                meter.accept(o, n);
            }
        }
        return meter.finish().dialogueGated().map(Loudness.Gated::integratedLufs).orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * The original's levels over {@code gateOn}, as {@link LoudnessMeter#levels} measures them. A 48 kHz
     * stereo source is read as the mix reads it ({@link PcmReader#ofSource}: decoded once for every
     * stage and language while decodings are kept) — the same samples as the meter's own decoding, bit
     * for bit, so the same figures; any other source is measured by the meter at its own rate and layout.
     */
    public static Loudness originalLevels(Path source, List<Span> gateOn) throws LoudnessException {
        if (DecodedAudio.shared().isEmpty()) {
            return new LoudnessMeter().levels(source, gateOn);
        }
        try {
            if (!PcmReader.isStereoAt48k(source)) {
                return new LoudnessMeter().levels(source, gateOn);
            }
            LoudnessAnalyzer meter = new LoudnessAnalyzer(DialogueStem.RATE, new double[]{1, 1}, gateOn, false);
            try (PcmReader original = PcmReader.ofSource(source, "stereo", 2)) {
                float[] o = new float[BLOCK * 2];
                int n;
                while ((n = original.read(o, BLOCK)) > 0) {
                    meter.accept(o, n);
                }
            }
            return meter.finish();
        } catch (MixException e) {
            throw new LoudnessException(source.getFileName() + ": cannot decode audio: " + e.getMessage(), e);
        }
    }

    /** The bed of one block as the mix has it: an M&E as it is; a 5.1 source without its centre; a stereo one ducked. */
    static void bed(float[] o, int n, long at, int channels, boolean mne, boolean surround, SpanCursor ducking,
                    float duck) {
        if (mne) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (surround) {
                o[i * channels + CENTRE] = 0f;
            } else {
                float g = 1f - ducking.at(at + i) * (1f - duck);
                o[i * 2] = o[i * 2] * g;
                o[i * 2 + 1] = o[i * 2 + 1] * g;
            }
        }
    }

    /** Whether a bed is mixed as 5.1 (six channels or more; its dialogue then sits in the centre) rather than stereo. */
    public static boolean surround(Path bed) throws MixException {
        return PcmReader.channelsOf(bed) >= 6;
    }

    /** Dialogue goes to the centre of a 5.1 bed (emptied for it without M&E), or equally (-3 dB) to both sides of a stereo one. */
    static void addDialogue(float[] o, int frame, int channels, float dialogue, boolean surround) {
        if (surround) {
            o[frame * channels + CENTRE] += dialogue;
        } else {
            o[frame * 2] += dialogue * 0.7071f;
            o[frame * 2 + 1] += dialogue * 0.7071f;
        }
    }
}
