package org.dubgate.media.mix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DialogueStemTest {

    @TempDir
    Path tmp;

    static Path wav(Path file, int rate, short[] samples) throws Exception {
        return org.dubgate.media.TestMedia.wav(file, rate, 1, samples);
    }

    static Path wav(Path file, int rate, int channels, short[] samples) throws Exception {
        return org.dubgate.media.TestMedia.wav(file, rate, channels, samples);
    }

    /** The 24-bit samples of a stem, as ints. */
    static int[] read24(Path stem) throws Exception {
        return read24(stem, 1);
    }

    /** The interleaved 24-bit samples of a WAV with {@code channels} channels, as ints. */
    static int[] read24(Path stem, int channels) throws Exception {
        byte[] bytes = Files.readAllBytes(stem);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4);
            int size = b.getInt(pos + 4);
            if (id.equals("fmt ")) {
                assertEquals(channels, b.getShort(pos + 10), "channels");
                assertEquals(DialogueStem.RATE, b.getInt(pos + 12), "48 kHz");
                assertEquals(24, b.getShort(pos + 22), "24-bit");
            }
            if (id.equals("data")) {
                int n = (Math.min(size, bytes.length - pos - 8)) / 3;
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    int o = pos + 8 + 3 * i;
                    out[i] = (bytes[o] & 0xff) | (bytes[o + 1] & 0xff) << 8 | bytes[o + 2] << 16;
                }
                return out;
            }
            pos += 8 + size + (size & 1);
        }
        return fail("no data chunk");
    }

    @Test
    void aClickLandsOnItsExactSample() throws Exception {
        short[] click = new short[100];
        click[0] = 20_000;
        Path line = wav(tmp.resolve("click.wav"), 48_000, click);
        Path stem = tmp.resolve("stem.wav");
        DialogueStem.render(List.of(new DialogueStem.Line(line, Duration.ofMillis(1500), 1.0)), Duration.ofSeconds(3), stem);

        int[] samples = read24(stem);
        assertEquals(3 * 48_000, samples.length, "exactly the programme's length");
        int peak = 0;
        for (int i = 1; i < samples.length; i++) {
            if (Math.abs(samples[i]) > Math.abs(samples[peak])) {
                peak = i;
            }
        }
        assertEquals(72_000, peak, "1.5 s at 48 kHz");
        assertEquals(20_000 * 256, samples[peak], 256, "the click's level, in 24 bits");
        for (int i = 0; i < samples.length; i++) {
            if (i != peak) {
                assertEquals(0, samples[i], "silence elsewhere, at sample " + i);
            }
        }
    }

    @Test
    void tempoShortensTheLineAndKeepsItsPitch() throws Exception {
        int rate = 16_000;
        short[] tone = new short[rate];
        for (int i = 0; i < rate; i++) {
            tone[i] = (short) (10_000 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        Path line = wav(tmp.resolve("tone.wav"), rate, tone);
        Path stem = tmp.resolve("fast.wav");
        DialogueStem.render(List.of(new DialogueStem.Line(line, Duration.ZERO, 1.25)), Duration.ofSeconds(2), stem);
        int[] s = read24(stem);
        int first = -1;
        int last = -1;
        for (int i = 0; i < s.length; i++) {
            if (Math.abs(s[i]) > 100_000) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        double seconds = (last - first) / 48_000.0;
        assertEquals(0.8, seconds, 0.03, "1 s at 1.25x lasts 0.8 s");
        int crossings = 0;
        for (int i = first + 1; i <= last; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        assertEquals(440, crossings / 2.0 / seconds, 440 * 0.03, "pitch preserved: still 440 Hz");
    }

    @Test
    void overlappingLinesAddUp() throws Exception {
        short[] dc = new short[480];
        java.util.Arrays.fill(dc, (short) 4_000);
        Path a = wav(tmp.resolve("a.wav"), 48_000, dc);
        Path b = wav(tmp.resolve("b.wav"), 48_000, dc);
        Path stem = tmp.resolve("both.wav");
        DialogueStem.render(List.of(new DialogueStem.Line(a, Duration.ZERO, 1.0),
                new DialogueStem.Line(b, Duration.ofMillis(5), 1.0)), Duration.ofMillis(100), stem);
        int[] s = read24(stem);
        assertEquals(4_000 * 256, s[100], 256, "only the first line");
        assertEquals(8_000 * 256, s[300], 512, "both lines");
        assertEquals(4_000 * 256, s[600], 256, "only the second line");
        assertEquals(0, s[1000]);
    }

    @Test
    void aHumanStemIsLaidInWholeUnderTheLines() throws Exception {
        short[] bed = new short[48_000];
        java.util.Arrays.fill(bed, (short) 1_000);
        Path human = wav(tmp.resolve("human.wav"), 48_000, bed);
        short[] click = new short[10];
        click[0] = 10_000;
        Path line = wav(tmp.resolve("click.wav"), 48_000, click);
        Path stem = tmp.resolve("stem.wav");
        DialogueStem.render(List.of(new DialogueStem.Line(line, Duration.ofMillis(500), 1.0)),
                List.of(DialogueStem.Bed.whole(human)), Duration.ofMillis(1500), stem);
        int[] s = read24(stem);
        assertEquals(1_000 * 256, s[0], 256, "the human stem from its first sample");
        assertEquals(11_000 * 256, s[24_000], 512, "line and stem add up");
        assertEquals(1_000 * 256, s[47_999], 256);
        assertEquals(0, s[48_000], "silence after the stem ends");
    }

    @Test
    void originalDialogueIsKeptOnlyDuringItsSpansWithShortFades() throws Exception {
        short[] original = new short[48_000];
        java.util.Arrays.fill(original, (short) 8_000);
        Path dialogue = wav(tmp.resolve("dialogue.wav"), 48_000, original);
        Path stem = tmp.resolve("stem.wav");
        DialogueStem.render(List.of(), List.of(new DialogueStem.Bed(dialogue, false, java.util.Optional.of(List.of(
                new Span(Duration.ofMillis(200), Duration.ofMillis(400)))))), Duration.ofSeconds(1), stem);
        int[] s = read24(stem);
        assertEquals(0, s[4_000], "before the span and its fade");
        assertEquals(4_000 * 256, s[9_600 - 240], 512, "half-way through the 10 ms fade-in");
        assertEquals(8_000 * 256, s[12_000], 256, "inside the span");
        assertEquals(0, s[19_200 + 480], "after the fade-out");
    }

    @Test
    void theCentreChannelOfA51SourceCarriesItsOriginalDialogue() throws Exception {
        short[] surround = new short[6 * 4_800];
        for (int i = 0; i < 4_800; i++) {
            surround[i * 6] = 3_000;     // FL: music, not dialogue
            surround[i * 6 + 2] = 6_000; // FC: dialogue
        }
        Path source = wav(tmp.resolve("51.wav"), 48_000, 6, surround);
        Path stem = tmp.resolve("stem.wav");
        DialogueStem.render(List.of(), List.of(new DialogueStem.Bed(source, true, java.util.Optional.of(List.of(
                new Span(Duration.ZERO, Duration.ofMillis(100)))))), Duration.ofMillis(100), stem);
        int[] s = read24(stem);
        assertEquals(6_000 * 256, s[2_000], 256, "only the centre, nothing of the left channel");
    }
}
