package org.dubgate.media.mix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.dubgate.media.mix.DialogueStemTest.read24;
import static org.dubgate.media.mix.DialogueStemTest.wav;
import static org.junit.jupiter.api.Assertions.*;

class ProgrammeMixTest {

    private static final int RATE = 48_000;
    private static final Duration LENGTH = Duration.ofSeconds(3);

    @TempDir
    Path tmp;

    /** A constant level per channel, 3 s at 48 kHz: easy to see in the output. */
    private Path levels(String name, short... perChannel) throws Exception {
        int frames = 3 * RATE;
        short[] s = new short[frames * perChannel.length];
        for (int i = 0; i < frames; i++) {
            System.arraycopy(perChannel, 0, s, i * perChannel.length, perChannel.length);
        }
        return wav(tmp.resolve(name), RATE, perChannel.length, s);
    }

    /** A mono dialogue stem: level 8000 from 1.0 s to 2.0 s, silence elsewhere. */
    private Path dialogue() throws Exception {
        short[] s = new short[3 * RATE];
        for (int i = RATE; i < 2 * RATE; i++) {
            s[i] = 8_000;
        }
        return wav(tmp.resolve("dialogue.wav"), RATE, s);
    }

    private static int at(int[] samples, int channels, double seconds, int channel) {
        return samples[(int) (seconds * RATE) * channels + channel];
    }

    @Test
    void dialogueOverTheMusicAndEffects() throws Exception {
        Path out = tmp.resolve("mix.wav");
        ProgrammeMix.Result r = ProgrammeMix.mix(dialogue(), Optional.of(levels("mne.wav", (short) 1000, (short) 2000)),
                levels("source.wav", (short) 5000, (short) 5000), List.of(), LENGTH, out);
        assertEquals(Optional.empty(), r.flag());
        int[] s = read24(out, 2);
        assertEquals(3 * RATE * 2, s.length);
        assertEquals(1000 * 256, at(s, 2, 0.5, 0), 512, "M&E alone, the original is not used");
        assertEquals(2000 * 256, at(s, 2, 0.5, 1), 512);
        assertEquals((1000 + 8000 * 0.7071) * 256, at(s, 2, 1.5, 0), 1024, "dialogue at -3 dB on each side");
    }

    @Test
    void surroundWithoutMneGetsItsCentreReplaced() throws Exception {
        Path out = tmp.resolve("mix51.wav");
        ProgrammeMix.Result r = ProgrammeMix.mix(dialogue(), Optional.empty(),
                levels("source51.wav", (short) 100, (short) 200, (short) 3000, (short) 400, (short) 500, (short) 600),
                List.of(), LENGTH, out);
        assertEquals(6, r.channels());
        assertEquals(Optional.empty(), r.flag());
        int[] s = read24(out, 6);
        assertEquals(0, at(s, 6, 0.5, 2), 256, "the original centre (dialogue) is gone");
        assertEquals(8000 * 256, at(s, 6, 1.5, 2), 512, "the dub is in the centre");
        assertEquals(100 * 256, at(s, 6, 1.5, 0), 256, "front left untouched");
        assertEquals(600 * 256, at(s, 6, 1.5, 5), 256, "back right untouched");
    }

    @Test
    void stereoWithoutMneIsDuckedUnderTheDubAndFlagged() throws Exception {
        Path out = tmp.resolve("ducked.wav");
        ProgrammeMix.Result r = ProgrammeMix.mix(dialogue(), Optional.empty(),
                levels("stereo.wav", (short) 10_000, (short) 10_000),
                List.of(new Span(Duration.ofSeconds(1), Duration.ofSeconds(2))), LENGTH, out);
        assertEquals(Optional.of(ProgrammeMix.Flag.NO_MNE_ORIGINAL_AUDIBLE), r.flag());
        int[] s = read24(out, 2);
        assertEquals(10_000 * 256, at(s, 2, 0.5, 0), 256, "untouched before the line and its ramp");
        assertEquals(10_000 * 256, at(s, 2, 2.5, 1), 256, "untouched after");
        double ducked = 10_000 * Math.pow(10, -18 / 20.0) + 8_000 * 0.7071;
        assertEquals(ducked * 256, at(s, 2, 1.5, 0), 1024, "original at -18 dB under the dub");
        int rampMiddle = at(s, 2, 1.0 - 0.025, 0);
        assertTrue(rampMiddle < 10_000 * 256 && rampMiddle > 10_000 * 0.126 * 256, "a ramp, not a click: " + rampMiddle);
    }
}
