package org.dubgate.media.lipsync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Wav2Lip's mel windows: the FFT (OpenCV's) against a direct DFT, a tone landing in its band, the layout and
 * the centring of a window, and a real file read in a stretch.
 */
class MelWindowsTest {

    @TempDir
    Path tmp;

    /** The normalised log-mel of one column computed with a direct O(n²) DFT, as the known transform. */
    private static float[] directColumn(float[] samples, long firstSample, int column) {
        float[] w = MelFilterBank.hann(MelWindows.N_FFT);
        double[] x = new double[MelWindows.N_FFT];
        long start = (long) column * MelWindows.HOP - MelWindows.N_FFT / 2;
        for (int i = 0; i < x.length; i++) {
            int at = (int) (start + i - firstSample);
            double s = at >= 0 && at < samples.length ? samples[at] : 0;
            double p = at - 1 >= 0 && at - 1 < samples.length ? samples[at - 1] : 0;
            x[i] = (s - 0.97 * p) * w[i];
        }
        float[] mag = new float[MelWindows.N_FFT / 2 + 1];
        for (int k = 0; k < mag.length; k++) {
            double re = 0, im = 0;
            for (int n = 0; n < x.length; n++) {
                double a = -2 * Math.PI * k * n / x.length;
                re += x[n] * Math.cos(a);
                im += x[n] * Math.sin(a);
            }
            mag[k] = (float) Math.hypot(re, im);
        }
        float[] out = new float[MouthModel.MEL_BANDS];
        MelFilterBank.WAV2LIP.normalisedLogMel(mag, out, 0);
        return out;
    }

    @Test
    void fftMatchesADirectTransform() {
        Random r = new Random(7);
        float[] s = new float[16_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * r.nextGaussian() * Math.sin(i / 300.0));
        }
        MelWindows mel = MelWindows.of(s, 0, 0, 80);
        float[] win = new float[MouthModel.MEL_BANDS * MouthModel.MEL_STEPS];
        mel.window(0.5, win, 0); // columns 32..47
        for (int step : new int[]{0, 7, 15}) {
            float[] direct = directColumn(s, 0, 32 + step);
            for (int b = 0; b < MouthModel.MEL_BANDS; b++) {
                assertEquals(direct[b], win[b * MouthModel.MEL_STEPS + step], 1e-3, "band " + b + " step " + step);
            }
        }
    }

    @Test
    void aToneLandsInItsBandAndTheWindowIsCentred() {
        float[] s = new float[32_000];
        // silence, then a 1 kHz tone from 1.0 s
        for (int i = 16_000; i < s.length; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0));
        }
        MelWindows mel = MelWindows.of(s, 0, 0, 160);
        float[] win = new float[MouthModel.MEL_BANDS * MouthModel.MEL_STEPS];
        mel.window(1.0, win, 0); // columns 72..87: the tone starts at column 80, step 8
        int loudest = 0;
        for (int b = 0; b < MouthModel.MEL_BANDS; b++) {
            if (win[b * 16 + 12] > win[loudest * 16 + 12]) {
                loudest = b;
            }
        }
        double centre = MelFilterBank.WAV2LIP.centre(loudest);
        assertTrue(centre > 900 && centre < 1100, "the loudest band is centred at " + centre + " Hz");
        assertEquals(-4f, win[loudest * 16 + 2], 1e-6, "silence before the tone is the floor");
        assertTrue(win[loudest * 16 + 12] > 1, "the tone after the centre is loud: " + win[loudest * 16 + 12]);
    }

    @Test
    void melScaleIsSlaneys() {
        assertEquals(15.0, MelFilterBank.hzToMel(1000), 1e-9);
        assertEquals(3.0, MelFilterBank.hzToMel(200), 1e-9);
        assertEquals(4000, MelFilterBank.melToHz(MelFilterBank.hzToMel(4000)), 1e-6);
    }

    @Test
    void readsAStretchOfARealFile() throws Exception {
        Path clip = LipSyncMedia.grid("lrwp9a");
        MelWindows whole = MelWindows.read(clip, 0, 3);
        MelWindows part = MelWindows.read(clip, 1.0, 1.5);
        float[] a = new float[MouthModel.MEL_BANDS * MouthModel.MEL_STEPS];
        float[] b = new float[a.length];
        whole.window(1.2, a, 0);
        part.window(1.2, b, 0);
        assertArrayEquals(a, b, 1e-4f, "a stretch gives the same windows as the whole");
        double mean = 0;
        for (float v : a) {
            assertTrue(v >= -4 && v <= 4);
            mean += v;
        }
        assertTrue(mean / a.length > -3.5, "speech at 1.2 s in lrwp9a, not the floor: " + mean / a.length);
        assertThrows(LipSyncException.class, () -> MelWindows.read(java.nio.file.Files.writeString(tmp.resolve("x.wav"), "no"), 0, 1));
    }
}
