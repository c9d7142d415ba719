package org.dubgate.media.loudness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KWeightingTest {

    @Test
    void reproducesTheBs1770TableAt48kHz() {
        KWeighting k = new KWeighting(48_000, 1);
        // BS.1770-4 Annex 1, Tables 1 and 2
        assertEquals(1.53512485958697, k.b0, 1e-9);
        assertEquals(-2.69169618940638, k.b1, 1e-9);
        assertEquals(1.19839281085285, k.b2, 1e-9);
        assertEquals(-1.69065929318241, k.a1, 1e-9);
        assertEquals(0.73248077421585, k.a2, 1e-9);
        assertEquals(-1.99004745483398, k.c1, 1e-9);
        assertEquals(0.99007225036621, k.c2, 1e-9);
    }

    @Test
    void weighsA1kHzSineAsTheOffsetAssumes() {
        // -0.691 is there to cancel the K-weighting's gain at 1 kHz: a full-scale 1 kHz sine on one
        // channel must read 10·log10(1/2) = -3.01 LKFS; at other rates than 48 kHz the re-derived filter
        // differs from the table's by about 0.01 dB at 1 kHz
        for (int rate : new int[]{44_100, 48_000, 96_000}) {
            KWeighting k = new KWeighting(rate, 1);
            int n = rate * 2;
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) Math.sin(2 * Math.PI * 1000 * i / rate);
            }
            double[] e = new double[n];
            k.addWeightedSquares(x, n, 1, 0, 1.0, e);
            double sum = 0;
            for (int i = rate; i < n; i++) { // past the filters' settling
                sum += e[i];
            }
            assertEquals(-3.01, BlockEnergies.lufs(sum / rate), 0.02, rate + " Hz");
        }
    }
}
