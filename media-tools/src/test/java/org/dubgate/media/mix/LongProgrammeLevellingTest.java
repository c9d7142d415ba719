package org.dubgate.media.mix;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A 20-minute programme, mostly silence with a line a minute, levelled and mixed in a JVM of its own
 * with a 48 MB heap: holding the programme (55 million samples, 230 MB as floats) would not fit.
 */
class LongProgrammeLevellingTest {

    private static final int RATE = 48_000;
    private static final Duration LENGTH = Duration.ofMinutes(20);

    @TempDir
    Path tmp;

    /** Run in the small JVM: args are the line, the bed, the stem and the mix. */
    public static void main(String[] args) throws Exception {
        List<DialogueStem.Line> lines = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int minute = 0; minute < 20; minute++) {
            Duration start = Duration.ofMinutes(minute).plusSeconds(10);
            lines.add(new DialogueStem.Line(Path.of(args[0]), start, 1.0));
            spans.add(new Span(start, start.plusSeconds(2)));
        }
        Path bed = Path.of(args[1]);
        ProgrammeMix.Result r = new LanguageMix(bed, Optional.of(bed), LENGTH, lines, List.of(), spans)
                .withTarget(LoudnessTarget.STREAMING).render(Path.of(args[2]), Path.of(args[3]));
        DialogueLevel level = r.dialogue().orElseThrow();
        System.out.println(level.beforeLufs() + " " + level.afterLufs());
        System.exit(level.withinTolerance() ? 0 : 3);
    }

    @Test
    void twentyMinutesLevelAndMixInASmallHeap() throws Exception {
        short[] tone = new short[2 * RATE];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) Math.round(300 * Math.sin(2 * Math.PI * 440 * i / RATE)); // about -43 LUFS
        }
        Path line = TestMedia.wav(tmp.resolve("line.wav"), RATE, 1, tone);
        short[] hum = new short[RATE * 2]; // one second of bed: past its end the mix reads silence
        for (int i = 0; i < RATE; i++) {
            hum[2 * i] = hum[2 * i + 1] = (short) Math.round(100 * Math.sin(2 * Math.PI * 50 * i / RATE));
        }
        Path bed = TestMedia.wav(tmp.resolve("bed.wav"), RATE, 2, hum);
        Path stem = tmp.resolve("stem.wav");
        Path mix = tmp.resolve("mix.wav");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), LongProgrammeLevellingTest.class.getName(),
                line.toString(), bed.toString(), stem.toString(), mix.toString())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream out = child.getInputStream()) {
            output = new String(out.readAllBytes());
        }
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the long render finished");
        assertEquals(0, child.exitValue(), "levelled within tolerance, no OutOfMemoryError: " + output);

        long frames = LENGTH.toSeconds() * RATE;
        assertEquals(frames * 3, dataBytes(stem), "the stem lasts 20 minutes to the sample");
        assertEquals(frames * 3 * 2, dataBytes(mix), "so does the mix");
    }

    /** The size of a WAV's data chunk, from its header (the files are too big to read whole). */
    private static long dataBytes(Path wav) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(wav)) {
            head = in.readNBytes(4096);
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        for (int pos = 12; pos + 8 <= head.length; ) {
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            if (new String(head, pos, 4).equals("data")) {
                return size;
            }
            pos += 8 + (int) size + (int) (size & 1);
        }
        return fail("no data chunk in the first 4 KB of " + wav.getFileName());
    }
}
