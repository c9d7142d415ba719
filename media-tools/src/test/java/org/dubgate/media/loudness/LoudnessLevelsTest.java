package org.dubgate.media.loudness;

import org.dubgate.media.TestMedia;
import org.dubgate.media.mix.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meter without peaks: the same levels, to the last bit, and no peak figures. */
class LoudnessLevelsTest {

    @TempDir
    Path tmp;

    @Test
    void levelsAloneAreTheFullMeasurementsLevels() throws Exception {
        int rate = 48_000;
        short[] s = new short[6 * rate * 2];
        java.util.Random noise = new java.util.Random(3);
        for (int i = 0; i < s.length / 2; i++) {
            double level = i < 3 * rate ? 0.05 : 0.2;
            s[2 * i] = (short) Math.round(32767 * level * noise.nextGaussian() * 0.3);
            s[2 * i + 1] = (short) Math.round(32767 * level * Math.sin(2 * Math.PI * 500 * i / rate));
        }
        Path wav = TestMedia.wav(tmp.resolve("two-levels.wav"), rate, 2, s);
        List<Span> cues = List.of(new Span(Duration.ofMillis(500), Duration.ofMillis(2500)),
                new Span(Duration.ofMillis(3500), Duration.ofMillis(5000)));
        Loudness full = new LoudnessMeter().measure(wav, cues);
        Loudness levels = new LoudnessMeter().levels(wav, cues);
        assertEquals(full.integratedLufs(), levels.integratedLufs());
        assertEquals(full.loudnessRangeLu(), levels.loudnessRangeLu());
        assertEquals(full.dialogueGated(), levels.dialogueGated());
        assertTrue(Double.isNaN(levels.truePeakDbtp()) && Double.isNaN(levels.samplePeakDbfs()), levels.toString());
        assertTrue(full.truePeakDbtp() > -20, "the full measurement has its peaks: " + full);
    }
}
