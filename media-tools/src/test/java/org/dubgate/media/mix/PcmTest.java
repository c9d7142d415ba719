package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@link PcmReader} (JavaCV's grabber, FFmpeg's decoder and filter graph) reads back of the files
 * MIX writes is what {@link Pcm} says without reading them: a 24-bit stem's top 16 bits, a float
 * file's samples rounded to 16 bits. The full mix and the levelling take their samples in memory on
 * that account, so this is what keeps them the same as when they read the files.
 */
class PcmTest {

    private static final int RATE = 48_000;

    @TempDir
    Path tmp;

    private static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = i % 97 == 0 ? (i % 2 == 0 ? 1f : -1f) : (float) (r.nextGaussian() * 0.3);
        }
        return s;
    }

    private static float[] read(Path file, int n) throws Exception {
        float[] s = new float[n];
        try (PcmReader in = new PcmReader(file, "mono", 1)) {
            assertEquals(n, in.read(s, n));
        }
        return s;
    }

    @Test
    void aStemReadBackIsItsTop16Bits() throws Exception {
        float[] written = noise(RATE, 1);
        Path stem = tmp.resolve("stem.wav");
        try (WavOut out = new WavOut(stem, 1, written.length, Map.of())) {
            out.write(written, written.length);
            out.finish();
        }
        float[] expected = new float[written.length];
        for (int i = 0; i < written.length; i++) {
            expected[i] = Pcm.asReadBack(written[i]);
        }
        assertArrayEquals(expected, read(stem, written.length));
    }

    @Test
    void aFloatFileReadBackIsRoundedTo16Bits() throws Exception {
        float[] written = noise(RATE, 2);
        written[5] = 1.7f; // past full scale: clipped
        written[6] = -3f;
        Path file = tmp.resolve("float.wav");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("wav");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_F32LE);
            recorder.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            recorder.setSampleRate(RATE);
            recorder.setAudioChannels(1);
            recorder.start();
            recorder.recordSamples(RATE, 1, FloatBuffer.wrap(written));
            recorder.stop();
        }
        float[] expected = new float[written.length];
        for (int i = 0; i < written.length; i++) {
            expected[i] = Pcm.fromS16(Pcm.toS16(written[i]));
        }
        assertArrayEquals(expected, read(file, written.length));
    }
}
