package org.dubgate.media.loudness;

/**
 * The BS.1770-4 K-weighting of one programme: a high-shelf (the head's acoustic effect) followed by
 * a high-pass (the RLB curve), each a biquad, per channel.
 *
 * <p>BS.1770-4 tabulates the coefficients at 48 kHz only. They are derived here, for any rate, from
 * the analogue prototypes the 48 kHz table was made from (centre frequencies, gain and Q below, the
 * values libebur128 also uses); at 48 kHz they reproduce the table to 1e-9, which
 * {@code KWeightingTest} checks. Computed in double: float state drifts over hours of audio.
 */
final class KWeighting {

    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double HIGHPASS_HZ = 38.13547087602444;
    private static final double HIGHPASS_Q = 0.5003270373238773;
    /** Filter state this small is set to zero: silence would otherwise decay into slow subnormal numbers. */
    private static final double SUBNORMAL_GUARD = 1e-30;

    /** Stage 1 (shelf) numerator and denominator, then stage 2 (high-pass; its numerator is 1, −2, 1). */
    final double b0;
    final double b1;
    final double b2;
    final double a1;
    final double a2;
    final double c1;
    final double c2;

    /** Transposed direct form II state: two values per stage per channel. */
    private final double[] state;

    KWeighting(int sampleRate, int channels) {
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        b0 = (vh + vb * k / SHELF_Q + k * k) / a0;
        b1 = 2.0 * (k * k - vh) / a0;
        b2 = (vh - vb * k / SHELF_Q + k * k) / a0;
        a1 = 2.0 * (k * k - 1.0) / a0;
        a2 = (1.0 - k / SHELF_Q + k * k) / a0;
        k = Math.tan(Math.PI * HIGHPASS_HZ / sampleRate);
        double d0 = 1.0 + k / HIGHPASS_Q + k * k;
        c1 = 2.0 * (k * k - 1.0) / d0;
        c2 = (1.0 - k / HIGHPASS_Q + k * k) / d0;
        state = new double[4 * channels];
    }

    /**
     * K-weights channel {@code channel} of {@code frames} interleaved frames and adds
     * {@code weight · y²} of each filtered sample to {@code energy[frame]}.
     */
    void addWeightedSquares(float[] interleaved, int frames, int channels, int channel, double weight,
                            double[] energy) {
        int s = 4 * channel;
        double z1 = state[s];
        double z2 = state[s + 1];
        double w1 = state[s + 2];
        double w2 = state[s + 3];
        for (int i = 0, at = channel; i < frames; i++, at += channels) {
            double x = interleaved[at];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            double k = y + w1; // stage 2: numerator 1, −2, 1
            w1 = -2.0 * y - c1 * k + w2;
            w2 = y - c2 * k;
            energy[i] += weight * k * k;
        }
        state[s] = guard(z1);
        state[s + 1] = guard(z2);
        state[s + 2] = guard(w1);
        state[s + 3] = guard(w2);
    }

    private static double guard(double v) {
        return Math.abs(v) < SUBNORMAL_GUARD ? 0.0 : v;
    }
}
