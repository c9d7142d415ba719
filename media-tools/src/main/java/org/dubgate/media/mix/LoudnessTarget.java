package org.dubgate.media.mix;

/**
 * The loudness a language's dialogue is brought to (DESIGN.md § Media: dialogue-gated −27 LKFS ±2,
 * true peak ≤ −2 dBTP, configurable per delivery profile). The gate is the script's cue spans: the
 * loudness is that of the audio inside them only.
 *
 * @param dialogueLufs  the dialogue-gated loudness to reach, in LUFS; in {@link Mode#MATCH_ORIGINAL} the
 *                      level used when the original cannot be measured over the cues
 * @param toleranceLu   how far from it a stem still meets it, in LU
 * @param truePeakDbtp  the true-peak ceiling of the dialogue stem and of the full mix, in dBTP
 * @param mode          what the dialogue is levelled to
 * @param keptGainDb    a gain to apply to the dialogue as it is, instead of levelling it: a re-render
 *                      keeps the gain its language's earlier mix had, so the new mix differs from the
 *                      approved one only where lines changed (a new level would change every sample)
 */
public record LoudnessTarget(double dialogueLufs, double toleranceLu, double truePeakDbtp, Mode mode,
                             java.util.OptionalDouble keptGainDb) {

    /** What the dub dialogue is levelled to. */
    public enum Mode {
        /** {@link #dialogueLufs()} itself. */
        FIXED,
        /**
         * The dialogue-gated loudness of the original programme's audio over the same cue spans, so the
         * dub sits where the original dialogue sat; {@link #dialogueLufs()} when the original is silent there.
         */
        MATCH_ORIGINAL
    }

    /** The common streaming delivery spec: −27 LUFS dialogue-gated ±2 LU, −2 dBTP. */
    public static final LoudnessTarget STREAMING = new LoudnessTarget(-27.0, 2.0, -2.0, Mode.FIXED);

    public LoudnessTarget {
        if (!Double.isFinite(dialogueLufs) || dialogueLufs >= 0) {
            throw new IllegalArgumentException("a dialogue loudness target must be below 0 LUFS: " + dialogueLufs);
        }
        if (!(toleranceLu >= 0) || Double.isInfinite(toleranceLu)) {
            throw new IllegalArgumentException("a loudness tolerance must be finite and >= 0 LU: " + toleranceLu);
        }
        if (!Double.isFinite(truePeakDbtp) || truePeakDbtp > 0) {
            throw new IllegalArgumentException("a true-peak ceiling must be at most 0 dBTP: " + truePeakDbtp);
        }
        if (mode == null) {
            throw new IllegalArgumentException("a loudness target needs a mode");
        }
        if (keptGainDb == null || keptGainDb.isPresent() && !Double.isFinite(keptGainDb.getAsDouble())) {
            throw new IllegalArgumentException("a kept gain is finite, or absent: " + keptGainDb);
        }
    }

    public LoudnessTarget(double dialogueLufs, double toleranceLu, double truePeakDbtp, Mode mode) {
        this(dialogueLufs, toleranceLu, truePeakDbtp, mode, java.util.OptionalDouble.empty());
    }

    /** This target, but the dialogue takes {@code gainDb} as it is instead of being levelled (a re-render). */
    public LoudnessTarget keepingGain(double gainDb) {
        return new LoudnessTarget(dialogueLufs, toleranceLu, truePeakDbtp, mode, java.util.OptionalDouble.of(gainDb));
    }

    /** This target, levelling to the original's dialogue instead (this target's level as the fallback). */
    public LoudnessTarget matchingOriginal() {
        return new LoudnessTarget(dialogueLufs, toleranceLu, truePeakDbtp, Mode.MATCH_ORIGINAL, keptGainDb);
    }
}
