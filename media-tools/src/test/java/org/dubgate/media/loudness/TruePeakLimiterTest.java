package org.dubgate.media.loudness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TruePeakLimiterTest {

    private static final int RATE = 48_000;
    private static final double CEILING = -2.0;

    /** Everything the limiter gives back for {@code in}, fed in blocks of {@code block} frames. */
    private static float[] limit(TruePeakLimiter limiter, float[] in, int channels, int block) {
        float[] out = new float[in.length];
        float[] part = new float[block * channels];
        float[] got = new float[Math.max(block, limiter.latency()) * channels];
        int written = 0;
        for (int at = 0; at < in.length / channels; at += block) {
            int n = Math.min(block, in.length / channels - at);
            System.arraycopy(in, at * channels, part, 0, n * channels);
            int w = limiter.process(part, n, got);
            System.arraycopy(got, 0, out, written * channels, w * channels);
            written += w;
        }
        int w = limiter.finish(got);
        System.arraycopy(got, 0, out, written * channels, w * channels);
        written += w;
        assertEquals(in.length / channels, written, "as many frames out as in");
        return out;
    }

    private static float[] limit(float[] in, int channels, int block) {
        return limit(new TruePeakLimiter(RATE, channels, CEILING), in, channels, block);
    }

    private static double truePeakDbtp(float[] samples, int channels) {
        double[] weights = new double[channels];
        java.util.Arrays.fill(weights, 1.0);
        LoudnessAnalyzer a = new LoudnessAnalyzer(RATE, weights, List.of());
        a.accept(samples, samples.length / channels);
        return a.finish().truePeakDbtp();
    }

    private static float[] sine(double seconds, double hz, double amplitude, double phase) {
        float[] s = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE + phase));
        }
        return s;
    }

    @Test
    void audioBelowTheCeilingComesOutBitForBit() {
        Random random = new Random(7);
        float[] in = new float[3 * RATE];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (random.nextGaussian() * 0.08); // peaks near -12 dBFS
        }
        TruePeakLimiter limiter = new TruePeakLimiter(RATE, 1, CEILING);
        assertArrayEquals(in, limit(limiter, in, 1, 4_800), "same samples at the same positions");
        assertFalse(limiter.activity().engaged());
        assertEquals(0, limiter.activity().framesReduced());
    }

    @Test
    void interSamplePeaksAreCaughtNotOnlySamplePeaks() {
        // fs/4 at 45°: every sample is at 0.707 of the crest, so the true peak is 3 dB over the sample peak
        float[] in = sine(1, RATE / 4.0, 0.95, Math.PI / 4);
        assertTrue(truePeakDbtp(in, 1) > -0.6, "the input's true peak: " + truePeakDbtp(in, 1));
        TruePeakLimiter limiter = new TruePeakLimiter(RATE, 1, CEILING);
        float[] out = limit(limiter, in, 1, 1_000);
        double peak = truePeakDbtp(out, 1);
        assertTrue(peak <= CEILING && peak > CEILING - 0.5, "under the ceiling, not far under: " + peak);
        assertTrue(limiter.activity().engaged());
        assertEquals(1.85, limiter.activity().maxGainReductionDb(), 0.2, "from about -0.45 dBTP to -2.3");
    }

    @Test
    void aBurstIsLimitedAndTheQuietAroundItIsUntouched() {
        float[] in = sine(10, 440, 0.1, 0);
        float[] burst = sine(0.2, 1_000, 1.0, 0); // a hard onset at full scale, 2 dB over
        System.arraycopy(burst, 0, in, 5 * RATE, burst.length);
        TruePeakLimiter limiter = new TruePeakLimiter(RATE, 1, CEILING);
        float[] out = limit(limiter, in, 1, 4_800);

        assertTrue(truePeakDbtp(out, 1) <= CEILING, "true peak " + truePeakDbtp(out, 1));
        int attack = limiter.latency() + 10;
        for (int i = 0; i < 5 * RATE - attack; i++) {
            assertEquals(in[i], out[i], "untouched before the look-ahead, at " + i);
        }
        for (int i = (int) (5.2 * RATE) + RATE; i < in.length; i++) {
            assertEquals(in[i], out[i], "untouched once released, at " + i);
        }
        float reduced = out[5 * RATE + RATE / 10 + 12]; // a crest of the 1 kHz burst
        assertEquals(Math.pow(10, (CEILING - TruePeakLimiter.MARGIN_DB) / 20), Math.abs(reduced), 0.02);
        assertEquals(2.3, limiter.activity().maxGainReductionDb(), 0.1);
        // nothing was reduced but the burst, its 2 ms look-ahead and its release (well under a second)
        assertTrue(limiter.activity().framesReduced() < 0.2 * RATE + RATE, "" + limiter.activity());
    }

    @Test
    void loudNoiseFarOverTheCeilingStaysUnderIt() {
        Random random = new Random(11);
        float[] in = new float[2 * RATE * 2];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (random.nextGaussian() * 0.6); // peaks around +8 dBFS: float audio, before any writer
        }
        TruePeakLimiter limiter = new TruePeakLimiter(RATE, 2, CEILING);
        float[] out = limit(limiter, in, 2, 960);
        double peak = truePeakDbtp(out, 2);
        assertTrue(peak <= CEILING, "true peak " + peak);
        assertTrue(limiter.activity().maxGainReductionDb() > 8, "" + limiter.activity());
    }

    @Test
    void oneGainForAllChannels() {
        float[] left = sine(1, 1_000, 1.0, 0);
        float[] right = sine(1, 300, 0.1, 0);
        float[] in = new float[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            in[2 * i] = left[i];
            in[2 * i + 1] = right[i];
        }
        float[] out = limit(in, 2, 4_800);
        int i = RATE / 2 + 3;
        assertEquals(out[2 * i] / in[2 * i], out[2 * i + 1] / in[2 * i + 1], 1e-4, "the quiet side follows the loud one");
        assertTrue(out[2 * i + 1] / in[2 * i + 1] < 0.8f);
    }

    @Test
    void theBlockSizeMakesNoDifference() {
        float[] in = sine(1, 997, 1.2, 0.3);
        float[] whole = limit(in, 1, in.length);
        assertArrayEquals(whole, limit(in, 1, 1));
        assertArrayEquals(whole, limit(in, 1, 333));
    }

    @Test
    void aProgrammeShorterThanTheLookAheadComesOutWhole() {
        float[] in = {0.1f, -0.2f, 0.3f, 0.4f, -0.4f};
        assertArrayEquals(in, limit(in, 1, 2), "pass-through, the same five samples");
    }
}
