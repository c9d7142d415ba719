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
     * Sets {@code energy[frame]} to the channel-weighted sum of the K-weighted squares of
     * {@code frames} interleaved frames: {@code Σ weight[c] · y_c²}, the channels added in their
     * order, those of weight 0 left out.
     *
     * <p>Channels are filtered two at a time in one loop: each biquad is a chain of dependent
     * multiply-adds, and two independent chains side by side run in about the time of one. The
     * arithmetic, and the order the squares are added in, are exactly those of one channel after
     * the other (zero, then the first channel's square, then the next), so the figures are the same
     * to the last bit.
     */
    void weightedEnergy(float[] interleaved, int frames, int channels, double[] weights, double[] energy) {
        int[] active = new int[channels];
        int n = 0;
        for (int c = 0; c < channels; c++) {
            if (weights[c] > 0) {
                active[n++] = c;
            }
        }
        if (n == 0 || silentFromRest(interleaved, frames, channels)) {
            // zeros into a filter at rest come out as zeros (signed zeros, whose squares are +0.0)
            java.util.Arrays.fill(energy, 0, frames, 0.0);
            return;
        }
        int next = 0;
        if (n % 2 == 1) {
            filterOne(interleaved, frames, channels, active[0], weights[active[0]], energy, false);
            next = 1;
        } else {
            filterTwo(interleaved, frames, channels, active[0], weights[active[0]], active[1], weights[active[1]],
                    energy, false);
            next = 2;
        }
        for (; next < n; next += 2) {
            filterTwo(interleaved, frames, channels, active[next], weights[active[next]], active[next + 1],
                    weights[active[next + 1]], energy, true);
        }
    }

    /**
     * Whether every state is exactly zero (a filter at rest, which the subnormal guard brings it to a
     * few hundred milliseconds into silence) and every sample is zero: a stem between its lines.
     */
    private boolean silentFromRest(float[] interleaved, int frames, int channels) {
        for (double v : state) {
            if (v != 0.0) {
                return false;
            }
        }
        for (int i = 0, end = frames * channels; i < end; i++) {
            if (interleaved[i] != 0f) {
                return false;
            }
        }
        return true;
    }

    /**
     * K-weights channel {@code channel} of {@code frames} interleaved frames and adds
     * {@code weight · y²} of each filtered sample to {@code energy[frame]}.
     */
    void addWeightedSquares(float[] interleaved, int frames, int channels, int channel, double weight,
                            double[] energy) {
        filterOne(interleaved, frames, channels, channel, weight, energy, true);
    }

    private void filterOne(float[] interleaved, int frames, int channels, int channel, double weight,
                           double[] energy, boolean add) {
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
            // 0.0 + v is v exactly: setting is adding to a zeroed array
            energy[i] = add ? energy[i] + weight * k * k : weight * k * k;
        }
        keep(s, z1, z2, w1, w2);
    }

    /** Two channels in one loop; the first's square is added before the second's, as one after the other would. */
    private void filterTwo(float[] interleaved, int frames, int channels, int ca, double wa, int cb, double wb,
                           double[] energy, boolean add) {
        int sa = 4 * ca;
        int sb = 4 * cb;
        double az1 = state[sa];
        double az2 = state[sa + 1];
        double aw1 = state[sa + 2];
        double aw2 = state[sa + 3];
        double bz1 = state[sb];
        double bz2 = state[sb + 1];
        double bw1 = state[sb + 2];
        double bw2 = state[sb + 3];
        for (int i = 0, at = 0; i < frames; i++, at += channels) {
            double xa = interleaved[at + ca];
            double xb = interleaved[at + cb];
            double ya = b0 * xa + az1;
            double yb = b0 * xb + bz1;
            az1 = b1 * xa - a1 * ya + az2;
            bz1 = b1 * xb - a1 * yb + bz2;
            az2 = b2 * xa - a2 * ya;
            bz2 = b2 * xb - a2 * yb;
            double ka = ya + aw1;
            double kb = yb + bw1;
            aw1 = -2.0 * ya - c1 * ka + aw2;
            bw1 = -2.0 * yb - c1 * kb + bw2;
            aw2 = ya - c2 * ka;
            bw2 = yb - c2 * kb;
            double e = add ? energy[i] + wa * ka * ka : wa * ka * ka;
            energy[i] = e + wb * kb * kb;
        }
        keep(sa, az1, az2, aw1, aw2);
        keep(sb, bz1, bz2, bw1, bw2);
    }

    private void keep(int s, double z1, double z2, double w1, double w2) {
        state[s] = guard(z1);
        state[s + 1] = guard(z2);
        state[s + 2] = guard(w1);
        state[s + 3] = guard(w2);
    }

    private static double guard(double v) {
        return Math.abs(v) < SUBNORMAL_GUARD ? 0.0 : v;
    }
}
