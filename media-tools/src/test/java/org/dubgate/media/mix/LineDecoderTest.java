package org.dubgate.media.mix;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 16-bit WAV line read by the JDK and resampled by a reused libswresample context gives, to the bit,
 * the samples FFmpeg's grabber and a filter graph of its own gave it: at every rate engines write, in
 * mono and stereo, from one sample long to several seconds, in any order through one decoder.
 */
class LineDecoderTest {

    @TempDir
    Path tmp;

    private Path line(String name, int rate, int channels, int frames, long seed) throws Exception {
        Random r = new Random(seed);
        short[] s = new short[frames * channels];
        for (int i = 0; i < s.length; i++) {
            double t = i / channels / (double) rate;
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(12_000 * StrictMath.sin(2 * Math.PI * 220 * t)
                    + 6_000 * r.nextGaussian())));
        }
        if (frames > 10) {
            s[frames / 2 * channels] = Short.MIN_VALUE; // full scale, both ways
            s[frames / 3 * channels] = Short.MAX_VALUE;
        }
        return TestMedia.wav(tmp.resolve(name), rate, channels, s);
    }

    private static DialogueStem.Line at1(Path audio) {
        return new DialogueStem.Line(audio, Duration.ZERO, 1.0);
    }

    @Test
    void theSameSamplesAsAFilterGraphPerLine() throws Exception {
        List<Path> lines = new ArrayList<>();
        long seed = 1;
        for (int rate : List.of(8_000, 11_025, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000)) {
            for (int channels : List.of(1, 2)) {
                for (int frames : List.of(1, 7, 100, 1_000, 4_099, rate * 13 / 10)) {
                    lines.add(line(rate + "-" + channels + "-" + frames + ".wav", rate, channels, frames, seed++));
                }
            }
        }
        lines.add(line("51.wav", 48_000, 6, 30_000, seed++));
        lines.add(line("51-22k.wav", 22_050, 6, 30_000, seed));
        java.util.Collections.shuffle(lines, new Random(7)); // contexts reused across rates, in any order
        long samples = 0;
        try (LineDecoder decoder = new LineDecoder()) {
            for (Path line : lines) {
                // at tempo 1 the JDK and a resampler; time-fitted, the JDK feeding FFmpeg's graph
                for (double tempo : new double[]{1.0, 1.2, 0.85}) {
                    DialogueStem.Line fitted = new DialogueStem.Line(line, Duration.ZERO, tempo);
                    float[] graph = LineDecoder.throughFilterGraph(fitted);
                    float[] fast = decoder.decode(fitted);
                    assertArrayEquals(graph, fast, line.getFileName() + " at tempo " + tempo + ": " + graph.length
                            + " vs " + fast.length + " samples");
                    samples += graph.length;
                }
            }
        }
        assertTrue(samples > 48_000 * 60, "seconds of lines compared, not only the shortest: " + samples);
    }

    @Test
    void aLineTheJdkCannotTakeAsFfmpegDoesGoesThroughFfmpeg() throws Exception {
        Path line = line("pipe.wav", 22_050, 1, 22_050, 3);
        byte[] bytes = Files.readAllBytes(line);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0); // a data size left at 0, as by a pipe
        Path unsized = Files.write(tmp.resolve("unsized.wav"), bytes);
        try (LineDecoder decoder = new LineDecoder()) {
            float[] expected = decoder.decode(at1(line));
            assertArrayEquals(expected, decoder.decode(at1(unsized)), "FFmpeg reads it to the end of the file");
            DialogueStem.Line faster = new DialogueStem.Line(line, Duration.ZERO, 1.2);
            float[] fitted = decoder.decode(faster);
            assertArrayEquals(LineDecoder.throughFilterGraph(faster), fitted, "atempo: FFmpeg's graph");
            assertEquals(expected.length / 1.2, fitted.length, 480, "tempo applied");
        }
    }
}
