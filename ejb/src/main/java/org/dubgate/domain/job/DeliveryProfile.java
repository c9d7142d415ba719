package org.dubgate.domain.job;

/**
 * The loudness a delivery must meet (DESIGN.md § Media, Loudness), chosen per job. The streaming
 * profile measures dialogue only — the script's cue intervals — and falls back to the programme's
 * loudness when dialogue covers under 15 % of the runtime; the broadcast profiles measure the
 * programme. All measure BS.1770-4 integrated loudness and 4x oversampled true peak.
 */
public enum DeliveryProfile {
    /** Common streaming specs: dialogue-gated −27 LKFS ±2, true peak ≤ −2 dBTP; programme −24 when dialogue is sparse. */
    STREAMING(Measure.DIALOGUE_GATED, -27, 2, -2, -24),
    /** EBU R128: programme −23 LUFS ±1, true peak ≤ −1 dBTP. */
    EBU_R128(Measure.PROGRAMME, -23, 1, -1, -23),
    /** ATSC A/85: programme −24 LKFS ±2, true peak ≤ −2 dBTP. */
    ATSC_A85(Measure.PROGRAMME, -24, 2, -2, -24);

    /** What the target is measured over. */
    public enum Measure {
        /** The dub's dialogue alone: the audio inside the script's cue intervals. */
        DIALOGUE_GATED,
        /** The whole programme. */
        PROGRAMME
    }

    /** Under this share of the runtime covered by dialogue, a dialogue-gated profile measures the programme. */
    public static final double SPARSE_DIALOGUE_SHARE = 0.15;
    /** Targets a job may set instead of the profile's, in LUFS, and ceilings in dBTP. */
    public static final double MIN_TARGET = -36;
    public static final double MAX_TARGET = -10;
    public static final double MIN_CEILING = -10;
    public static final double MAX_CEILING = 0;

    private final Measure measure;
    private final double targetLufs;
    private final double toleranceLu;
    private final double ceilingDbtp;
    private final double sparseProgrammeLufs;

    DeliveryProfile(Measure measure, double targetLufs, double toleranceLu, double ceilingDbtp,
                    double sparseProgrammeLufs) {
        this.measure = measure;
        this.targetLufs = targetLufs;
        this.toleranceLu = toleranceLu;
        this.ceilingDbtp = ceilingDbtp;
        this.sparseProgrammeLufs = sparseProgrammeLufs;
    }

    public Measure measure() {
        return measure;
    }

    public double targetLufs() {
        return targetLufs;
    }

    public double toleranceLu() {
        return toleranceLu;
    }

    public double ceilingDbtp() {
        return ceilingDbtp;
    }

    /** The programme target when dialogue covers under {@link #SPARSE_DIALOGUE_SHARE} of the runtime. */
    public double sparseProgrammeLufs() {
        return sparseProgrammeLufs;
    }

    /** This profile as it stands, with no target of the job's own. */
    public LoudnessSpec spec() {
        return new LoudnessSpec(this, targetLufs, ceilingDbtp, false);
    }
}
