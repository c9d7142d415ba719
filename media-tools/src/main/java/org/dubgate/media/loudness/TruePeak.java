package org.dubgate.media.loudness;

/**
 * Sample peak and true peak per ITU-R BS.1770-4 Annex 2: the signal is oversampled 4× with the
 * Recommendation's own 48-tap, four-phase interpolating FIR and the largest absolute value is kept.
 * Working in floating point, the Annex's 12.04 dB attenuation before and gain after cancel out.
 *
 * <p>The filter is the same normalised low-pass at every input rate (it interpolates between samples
 * whatever their spacing), so it is used as it is at 44.1 kHz and 96 kHz too.
 */
final class TruePeak {

    /** BS.1770-4 Annex 2, phases 0 to 3, 12 taps each ({@link TruePeakLimiter} detects with them too). */
    static final double[][] PHASES = {
            {0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875,
                    0.1373291015625, 0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250,
                    0.0148925781250, -0.0083007812500},
            {-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500,
                    0.4650878906250, 0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625,
                    0.0330810546875, -0.0189208984375},
            {-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125,
                    0.7797851562500, 0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000,
                    0.0292968750000, -0.0291748046875},
            {-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750,
                    0.9721679687500, 0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125,
                    0.0109863281250, 0.0017089843750}};
    static final int TAPS = 12;
    private static final int HISTORY = TAPS - 1;
    /** The stretch of samples the skip below decides on: 2.7 ms at 48 kHz. */
    private static final int SPAN = 128;

    /**
     * No interpolated value can exceed the largest input within the filter's reach times this (the
     * largest sum of absolute taps of a phase). A block whose samples all stay below the peak found so
     * far divided by it cannot raise the peak, and its filtering is skipped: after the loudest moment
     * most of a programme is such blocks.
     */
    static final double GAIN_BOUND;

    static {
        double bound = 0;
        for (double[] phase : PHASES) {
            double sum = 0;
            for (double h : phase) {
                sum += Math.abs(h);
            }
            bound = Math.max(bound, sum);
        }
        GAIN_BOUND = bound;
    }

    private final int channels;
    /** Per channel, the last {@value #HISTORY} samples, so the filter runs across block boundaries. */
    private final double[][] history;
    private double[] window = new double[0];
    private double truePeak;
    private double samplePeak;

    TruePeak(int channels) {
        this.channels = channels;
        this.history = new double[channels][HISTORY];
    }

    void accept(float[] interleaved, int frames) {
        if (window.length < HISTORY + frames) {
            window = new double[HISTORY + frames];
        }
        for (int c = 0; c < channels; c++) {
            System.arraycopy(history[c], 0, window, 0, HISTORY);
            double peak = 0;
            for (int i = 0, at = c; i < frames; i++, at += channels) {
                double x = interleaved[at];
                window[HISTORY + i] = x;
                peak = Math.max(peak, Math.abs(x));
            }
            samplePeak = Math.max(samplePeak, peak);
            int end = HISTORY + frames;
            // span by span: a quiet stretch next to a loud one is skipped too (the outputs of a span
            // depend only on its samples and the HISTORY before it)
            for (int from = HISTORY; from < end; from += SPAN) {
                int to = Math.min(from + SPAN, end);
                double reach = 0;
                for (int i = from - HISTORY; i < to; i++) {
                    reach = Math.max(reach, Math.abs(window[i]));
                }
                if (reach * GAIN_BOUND > truePeak) {
                    interpolate(from, to);
                }
            }
            System.arraycopy(window, frames, history[c], 0, HISTORY);
        }
    }

    /** Runs the last samples out of the filter (the programme is followed by silence). */
    void finish() {
        accept(new float[HISTORY * channels], HISTORY);
    }

    private void interpolate(int from, int to) {
        double peak = truePeak;
        for (int n = from; n < to; n++) {
            for (double[] h : PHASES) {
                double y = 0;
                for (int k = 0; k < TAPS; k++) {
                    y += h[k] * window[n - k];
                }
                peak = Math.max(peak, Math.abs(y));
            }
        }
        truePeak = peak;
    }

    /**
     * The true peak, linear. Never below the sample peak: the interpolator's ripple can put a phase a
     * hair under a sample value, and a true peak below a sample that was actually there would be wrong.
     */
    double truePeak() {
        return Math.max(truePeak, samplePeak);
    }

    /** The interpolated maximum alone, as Annex 2 defines it (for the conformance tests). */
    double interpolatedPeak() {
        return truePeak;
    }

    double samplePeak() {
        return samplePeak;
    }
}
