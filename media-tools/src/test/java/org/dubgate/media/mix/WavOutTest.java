package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Java WAV writer writes, byte for byte, what FFmpeg's WAV muxer and 24-bit PCM encoder write when
 * fed through JavaCV the way MIX used to (FFmpeg itself makes the reference files here): the header
 * for one, two and six channels with and without INFO tags, the pad byte after odd-sized data, and
 * the samples, including the values where a conversion could go either way — full scale and past
 * it, ties between two integers, the smallest steps.
 */
class WavOutTest {

    private static final int RATE = 48_000;

    @TempDir
    Path tmp;

    /** The reference: FFmpeg's muxer and encoder, configured as MIX configured them. */
    private Path ffmpeg(String name, int channels, Map<String, String> metadata, float[] samples) throws Exception {
        Path file = tmp.resolve(name);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), channels)) {
            recorder.setFormat("wav");
            recorder.setOption("rf64", "auto");
            recorder.setMetadata(new HashMap<>(metadata));
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S24LE);
            recorder.setSampleFormat(avutil.AV_SAMPLE_FMT_S32);
            recorder.setSampleRate(RATE);
            recorder.setAudioChannels(channels);
            recorder.start();
            // in blocks of a few sizes, as MIX wrote them
            for (int at = 0, k = 0; at < samples.length; k++) {
                int n = Math.min(samples.length - at, channels * (k % 2 == 0 ? 4_800 : 1_234));
                recorder.recordSamples(RATE, channels, FloatBuffer.wrap(samples, at, n));
                at += n;
            }
            recorder.stop();
        }
        return file;
    }

    private Path java(String name, int channels, Map<String, String> metadata, float[] samples, boolean silenceAsSuch)
            throws Exception {
        Path file = tmp.resolve(name);
        int frames = samples.length / channels;
        FileDigest digest;
        try (WavOut out = new WavOut(file, channels, frames, metadata)) {
            for (int at = 0; at < frames; ) {
                int n = Math.min(frames - at, 3_000);
                float[] block = java.util.Arrays.copyOfRange(samples, at * channels, (at + n) * channels);
                boolean silent = true;
                for (float v : block) {
                    silent &= v == 0f;
                }
                if (silent && silenceAsSuch) {
                    out.silence(n);
                } else {
                    out.write(block, n);
                }
                at += n;
            }
            digest = out.finish();
        }
        assertEquals(new FileDigest(StemDigestTest.sha256(Files.readAllBytes(file)), Files.size(file)), digest,
                "the digest taken while writing is the file's");
        return file;
    }

    /** Noise, silent stretches, and the values on the edges of the conversion, {@code frames} frames. */
    private static float[] samples(int channels, int frames, long seed) {
        Random r = new Random(seed);
        float[] s = new float[channels * frames];
        float[] edges = {1f, -1f, 1.5f, -1.5f, 0.99999994f, -0.99999994f, 1e-10f, -1e-10f, 0x1p-32f, -0x1p-32f,
                0x1.8p-31f, -0x1.8p-31f, 0x1.4p-30f, 0x1p-23f, 0x1.8p-23f, -0x1.8p-23f, Float.MIN_VALUE, -0f, 8f, -8f};
        for (int i = 0; i < s.length; i++) {
            int frame = i / channels;
            if (frame % 9_000 < 3_000) {
                s[i] = 0f; // a silent stretch: written as silence by the writer's caller
            } else if (i % 101 == 0) {
                s[i] = edges[(i / 101) % edges.length];
            } else {
                s[i] = (float) (r.nextGaussian() * 0.2);
            }
        }
        return s;
    }

    @Test
    void theSameBytesAsFfmpegForEveryLayoutMixWrites() throws Exception {
        Map<String, String> disclosure = Disclosure.aiDialogue("manifest.json", "Spanish dialogue (AI-generated)").tags();
        Map<String, String> allTags = new LinkedHashMap<>();
        for (String key : WavOut.INFO_KEYS) {
            allTags.put(key, key + " value" + (key.length() % 2 == 0 ? "" : "!")); // odd and even lengths
        }
        for (int channels : List.of(1, 2, 6)) {
            for (Map<String, String> tags : List.of(Map.<String, String>of(), disclosure, allTags)) {
                for (int frames : List.of(0, 1, 24_001, 30_000)) {
                    float[] s = samples(channels, frames, channels * 31L + frames);
                    String name = channels + "ch-" + tags.size() + "tags-" + frames;
                    byte[] expected = Files.readAllBytes(ffmpeg(name + "-ffmpeg.wav", channels, tags, s));
                    byte[] actual = Files.readAllBytes(java(name + "-java.wav", channels, tags, s, frames % 2 == 0));
                    assertArrayEquals(expected, actual, name);
                }
            }
        }
    }

    @Test
    void theFrameCountDeclaredIsHeldTo() throws Exception {
        try (WavOut out = new WavOut(tmp.resolve("short.wav"), 2, 10, Map.of())) {
            out.write(new float[2 * 6], 6);
            assertThrows(MixException.class, () -> out.silence(5), "past the declared end");
            assertThrows(MixException.class, out::finish, "6 of 10 frames");
        }
    }
}
