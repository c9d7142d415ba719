package org.dubgate.media.loudness;

/**
 * A streaming look-ahead true-peak limiter: keeps the BS.1770-4 true peak of interleaved float audio
 * at or under a ceiling, touching nothing else. One gain is shared by all channels (so the image does
 * not shift), and it is exactly 1.0 wherever no peak comes near the ceiling (bar the release after
 * one, under a second): those samples come out bit for bit as they went in, only later.
 *
 * <p>How the gain is found, per frame m: the peak around m is the largest of |x[m]| and the 4×
 * oversampled values (the Recommendation's own interpolator, {@code TruePeak.PHASES}) on either side of
 * it; where it is over the threshold the frame needs gain r[m] = threshold / peak. The gain applied
 * is the minimum of r over a window reaching {@value #HOLD} frames either side of m plus the
 * look-ahead, released towards 1 by a one-pole of {@value #RELEASE_MS} ms, then averaged over the
 * look-ahead ({@value #LOOK_AHEAD_MS} ms). Every value in that average is at most r[m], so the gain at
 * m never exceeds what m needs; the average turns the step into a ramp that starts a look-ahead early,
 * and the hold keeps the gain flat across the 12 samples the interpolator reads around an over, so the
 * oversampled output is the gain times the oversampled input there.
 *
 * <p>Output lags input by {@link #latency()} frames; {@link #process} returns fewer frames than it took
 * only at the start, and {@link #finish} hands out the held-back tail, so a caller writing everything
 * it is given writes exactly as many frames as it read, at the same positions. Memory is a
 * few milliseconds of audio whatever the programme's length. Not thread-safe: one per stream.
 */
public final class TruePeakLimiter {

    /** What the limiter did to a whole programme. */
    public record Activity(long framesReduced, double maxGainReductionDb) {

        public static final Activity NONE = new Activity(0, 0.0);

        public boolean engaged() {
            return framesReduced > 0;
        }
    }

    /**
     * The limiter aims this far under the ceiling it is given. Its own detector is exact at the
     * samples it limits, but the gain still differs slightly between neighbouring overs of different
     * depth (the interpolator then sees unequally scaled inputs), the 24-bit writer rounds, and another
     * meter (FFmpeg's ebur128, a QC tool with a longer interpolator) may read up to ~0.1–0.2 dB higher
     * than BS.1770's 48-tap filter. 0.3 dB covers that and is inaudible.
     */
    public static final double MARGIN_DB = 0.3;
    static final int LOOK_AHEAD_MS = 2;
    static final int RELEASE_MS = 50;
    /** Frames either side of an over held at its gain: the interpolator reads x[m−6..m+6] around frame m. */
    static final int HOLD = 6;
    /** The interpolated values of step n lie between frames n−6 and n−5 (the filter's group delay). */
    private static final int DETECTOR_DELAY = 6;
    /**
     * A released gain this close to 1 (0.0001 dB) becomes 1, so pass-through is exact again about half a
     * second after a 10 dB reduction, instead of the one-pole creeping towards 1 for ever.
     */
    private static final double UNITY_SNAP = 1e-5;

    private final int channels;
    private final double threshold;
    private final double hotLevel;
    private final int lookAhead;
    private final int minWindow;
    private final int latency;
    private final double release;

    /** The last input frames, interleaved, indexed by frame number & mask: detector history and delay line. */
    private final float[] ring;
    private final int mask;
    /** Trailing minimum of r over {@link #minWindow} frames: a monotonic queue of (frame, r) for r < 1. */
    private final long[] minFrame;
    private final double[] minGain;
    private int minHead;
    private int minSize;
    /** The released gains of the last {@link #lookAhead} frames and how far below 1 they add up to. */
    private final double[] released;
    private double deficit;
    private int belowUnity;
    private double lastReleased = 1.0;

    /** Frames through the detector (input, then the silence that flushes it), real input frames, output frames. */
    private long steps;
    private long accepted;
    private long emitted;
    private boolean finished;
    private long lastHot = Long.MIN_VALUE / 2;
    private double previousStepPeak;
    private long framesReduced;
    private double lowestGain = 1.0;

    /** @param ceilingDbtp the true peak not to exceed, e.g. −2 (the limiter aims {@value #MARGIN_DB} dB lower) */
    public TruePeakLimiter(int sampleRate, int channels, double ceilingDbtp) {
        if (sampleRate <= 0 || channels <= 0 || !(ceilingDbtp <= 0)) {
            throw new IllegalArgumentException("need a positive rate and channel count and a ceiling <= 0 dBTP, not "
                    + sampleRate + " Hz, " + channels + " channels, " + ceilingDbtp + " dBTP");
        }
        this.channels = channels;
        this.threshold = Math.pow(10, (ceilingDbtp - MARGIN_DB) / 20);
        // no interpolated value exceeds the largest of its 12 inputs times GAIN_BOUND: quieter frames need no filtering
        this.hotLevel = threshold / TruePeak.GAIN_BOUND;
        this.lookAhead = Math.max(1, Math.round(sampleRate * LOOK_AHEAD_MS / 1000f));
        this.minWindow = lookAhead + 2 * HOLD;
        this.latency = DETECTOR_DELAY + lookAhead - 1 + HOLD;
        this.release = Math.exp(-1.0 / (sampleRate * RELEASE_MS / 1000.0));
        int size = Integer.highestOneBit(latency + TruePeak.TAPS) * 2;
        this.ring = new float[size * channels];
        this.mask = size - 1;
        this.minFrame = new long[minWindow + 1];
        this.minGain = new double[minWindow + 1];
        this.released = new double[lookAhead];
        java.util.Arrays.fill(released, 1.0);
    }

    /** How many frames the output lags the input. */
    public int latency() {
        return latency;
    }

    /**
     * Limits {@code frames} interleaved frames of {@code in} into {@code out} (another array, at least
     * as long); returns how many frames were written: {@code frames}, less the look-ahead at the start.
     */
    public int process(float[] in, int frames, float[] out) {
        if (finished) {
            throw new IllegalStateException("the limiter has finished");
        }
        int written = 0;
        int i = 0;
        while (i < frames) {
            if (atRest()) {
                int end = i;
                while (end < frames && !hot(in, end * channels)) {
                    end++;
                }
                written += passThrough(in, i, end, out, written);
                i = end;
                if (i == frames) {
                    break;
                }
            }
            accepted++;
            if (step(in, i * channels, out, written * channels)) {
                written++;
            }
            i++;
        }
        return written;
    }

    /**
     * Whether the limiter is at rest: no reduction held, releasing or being averaged, and no hot frame
     * within the interpolator's reach behind (so the oversampled peaks on both sides of the next frame
     * are 0). Then every frame that is not hot itself provably leaves the gain at exactly 1 and
     * changes nothing but the delay line — what {@link #step} would compute is known: the frame's peak
     * is at most the hot level, under the threshold; the needed gain is 1; the queue stays empty; the
     * release from 1 is 1; the look-ahead average is of ones — and the state stays at rest. Most of a
     * programme is such frames, and {@link #passThrough} runs them as a plain delay.
     */
    private boolean atRest() {
        return minSize == 0 && belowUnity == 0 && lastReleased == 1.0 && previousStepPeak == 0.0
                && steps - lastHot >= TruePeak.TAPS && steps >= DETECTOR_DELAY;
    }

    private boolean hot(float[] in, int from) {
        for (int c = 0; c < channels; c++) {
            if (Math.abs(in[from + c]) > hotLevel) {
                return true;
            }
        }
        return false;
    }

    /** Frames {@code [from, end)} of {@code in}, none hot, through the delay line at unity; returns how many came out. */
    private int passThrough(float[] in, int from, int end, float[] out, int written) {
        int w = written;
        for (int f = from; f < end; f++) {
            accepted++;
            long n = steps++;
            int slot = (int) (n & mask) * channels;
            for (int c = 0, at = f * channels; c < channels; c++) {
                ring[slot + c] = in[at + c];
            }
            long o = n - latency;
            if (o >= 0 && o < accepted) {
                int src = (int) (o & mask) * channels;
                for (int c = 0, to = w * channels; c < channels; c++) {
                    out[to + c] = ring[src + c];
                }
                emitted++;
                w++;
            }
        }
        return w - written;
    }

    /**
     * Runs silence through to hand out the frames still held back (at most {@link #latency()}) into
     * {@code out}; returns how many. The limiter takes no more input after this.
     */
    public int finish(float[] out) {
        finished = true;
        float[] silence = new float[channels];
        int written = 0;
        while (emitted < accepted) {
            if (step(silence, 0, out, written * channels)) {
                written++;
            }
        }
        return written;
    }

    /** What the limiter has done so far. */
    public Activity activity() {
        return framesReduced == 0 ? Activity.NONE : new Activity(framesReduced, -20 * Math.log10(lowestGain));
    }

    /** Takes one frame into the detector; emits the frame {@link #latency} earlier when there is one. */
    private boolean step(float[] in, int from, float[] out, int to) {
        long n = steps++;
        int slot = (int) (n & mask) * channels;
        for (int c = 0; c < channels; c++) {
            float x = in[from + c];
            ring[slot + c] = x;
            if (Math.abs(x) > hotLevel) {
                lastHot = n;
            }
        }
        double stepPeak = n - lastHot < TruePeak.TAPS ? interpolatedPeak(n) : 0.0;
        long m = n - DETECTOR_DELAY;
        if (m < 0) {
            previousStepPeak = stepPeak;
            return false;
        }
        // the frame's own samples and the oversampled values on both sides of it
        double peak = Math.max(stepPeak, previousStepPeak);
        previousStepPeak = stepPeak;
        int at = (int) (m & mask) * channels;
        for (int c = 0; c < channels; c++) {
            peak = Math.max(peak, Math.abs(ring[at + c]));
        }
        double gain = gain(m, peak > threshold ? threshold / peak : 1.0);
        long o = n - latency;
        if (o < 0 || o >= accepted) {
            return false;
        }
        int src = (int) (o & mask) * channels;
        if (gain == 1.0) {
            System.arraycopy(ring, src, out, to, channels);
        } else {
            for (int c = 0; c < channels; c++) {
                out[to + c] = (float) (ring[src + c] * gain);
            }
            framesReduced++;
            lowestGain = Math.min(lowestGain, gain);
        }
        emitted++;
        return true;
    }

    /** The gain for the frame {@code lookAhead - 1 + HOLD} before {@code m}, given what frame m needs. */
    private double gain(long m, double needed) {
        while (minSize > 0 && minFrame[minHead] <= m - minWindow) {
            minHead = (minHead + 1) % minFrame.length;
            minSize--;
        }
        if (needed < 1.0) {
            while (minSize > 0 && minGain[(minHead + minSize - 1) % minGain.length] >= needed) {
                minSize--;
            }
            int tail = (minHead + minSize) % minGain.length;
            minFrame[tail] = m;
            minGain[tail] = needed;
            minSize++;
        }
        double held = minSize == 0 ? 1.0 : minGain[minHead];
        double e = Math.min(held, 1.0 - (1.0 - lastReleased) * release);
        if (held == 1.0 && e > 1.0 - UNITY_SNAP) {
            e = 1.0;
        }
        lastReleased = e;
        int slot = (int) (m % lookAhead);
        double old = released[slot];
        if (old < 1.0) {
            deficit -= 1.0 - old;
            belowUnity--;
        }
        released[slot] = e;
        if (e < 1.0) {
            deficit += 1.0 - e;
            belowUnity++;
        }
        if (belowUnity == 0) {
            deficit = 0.0; // no rounding left over: unity is exact again
            return 1.0;
        }
        return 1.0 - deficit / lookAhead;
    }

    /** The largest absolute 4× oversampled value, over all channels, of the filter step at frame n. */
    private double interpolatedPeak(long n) {
        double peak = 0;
        for (int c = 0; c < channels; c++) {
            for (double[] h : TruePeak.PHASES) {
                double y = 0;
                for (int k = 0; k < TruePeak.TAPS; k++) {
                    y += h[k] * ring[(int) ((n - k) & mask) * channels + c];
                }
                peak = Math.max(peak, Math.abs(y));
            }
        }
        return peak;
    }
}
