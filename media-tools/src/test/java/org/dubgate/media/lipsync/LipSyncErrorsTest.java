package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.dubgate.media.mix.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Each way an alteration cannot be made fails with one clear {@link LipSyncException}, and writes no output. */
class LipSyncErrorsTest {

    @TempDir
    Path tmp;

    private static Span span(double a, double b) {
        return new Span(Duration.ofMillis(Math.round(a * 1000)), Duration.ofMillis(Math.round(b * 1000)));
    }

    private LipSyncException alter(Path source, List<Span> shots) {
        return assertThrows(LipSyncException.class, () -> PictureAlteration.alter(source, LipSyncMedia.grid("lrwp9a"),
                shots, new MouthWarp(MouthWarpParams.DEFAULTS), tmp.resolve("out.mkv")));
    }

    /** Two seconds of moving stripes (no face) with a tone, in the given codec. */
    private Path stripes(String name, int codec, String format) throws Exception {
        Path file = tmp.resolve(name);
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 160, 120, 1)) {
            r.setFormat(format);
            r.setVideoCodec(codec);
            r.setFrameRate(25);
            r.setVideoBitrate(400_000);
            r.setAudioCodec(avcodec.AV_CODEC_ID_MP2);
            r.setSampleRate(48_000);
            r.start();
            for (int k = 0; k < 50; k++) {
                Frame f = new Frame(160, 120, Frame.DEPTH_UBYTE, 3);
                ByteBuffer px = (ByteBuffer) f.image[0];
                for (int y = 0; y < 120; y++) {
                    for (int x = 0; x < 160; x++) {
                        byte v = (byte) (((x + 3 * k) / 8) % 2 == 0 ? 40 : 220);
                        px.put(y * f.imageStride + 3 * x, v).put(y * f.imageStride + 3 * x + 1, v).put(y * f.imageStride + 3 * x + 2, v);
                    }
                }
                r.record(f);
                short[] tone = new short[1920];
                for (int i = 0; i < tone.length; i++) {
                    tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (k * 1920 + i) / 48_000.0));
                }
                r.recordSamples(48_000, 1, ShortBuffer.wrap(tone));
            }
            r.stop();
        }
        return file;
    }

    @Test
    void aShotWithNoFace() throws Exception {
        LipSyncException e = alter(stripes("stripes-mpeg1.mkv", avcodec.AV_CODEC_ID_MPEG1VIDEO, "matroska"), List.of(span(0.2, 1.6)));
        assertTrue(e.getMessage().contains("shot 1 (0.200-1.600 s) has no face"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out.mkv")), "nothing written when a shot has no face");
    }

    @Test
    void aShotOutsideTheVideo() {
        Path clip = LipSyncMedia.grid("bbaf2n");
        LipSyncException e = alter(clip, List.of(span(3.5, 4.0)));
        assertTrue(e.getMessage().contains("shot 1 (3.500-4.000 s) is outside bbaf2n.mpg, which runs 0.000-3.000 s"), e.getMessage());
        e = alter(clip, List.of(span(2.0, 5.0)));
        assertTrue(e.getMessage().contains("is outside"), e.getMessage());
        e = alter(clip, List.of(span(1.0, 2.0), span(1.5, 2.5)));
        assertTrue(e.getMessage().contains("shot 2 (1.500-2.500 s) overlaps"), e.getMessage());
        e = alter(clip, List.of());
        assertEquals("no shots to alter", e.getMessage());
    }

    @Test
    void aCodecThatCannotBeSpliced() throws Exception {
        LipSyncException e = alter(stripes("stripes.mkv", avcodec.AV_CODEC_ID_FFV1, "matroska"), List.of(span(0.2, 1.6)));
        assertTrue(e.getMessage().contains("video codec ffv1 is not supported for GOP splicing"), e.getMessage());
    }

    @Test
    void missingOrUnreadableInputs() throws Exception {
        LipSyncException e = alter(tmp.resolve("absent.mpg"), List.of(span(0, 1)));
        assertTrue(e.getMessage().contains("no such readable file"), e.getMessage());
        Path notVideo = Files.writeString(tmp.resolve("notes.mpg"), "not a video");
        e = alter(notVideo, List.of(span(0, 1)));
        assertTrue(e.getMessage().contains("notes.mpg: not a readable video"), e.getMessage());
    }

    @Test
    void aModelThatReturnsTheWrongShape() {
        MouthModel broken = new MouthModel() {
            public int cropSize() {
                return 96;
            }

            public float[] render(int n, float[] mel, float[] faces) {
                return new float[n * 3 * 96 * 95];
            }

            public void close() {
            }
        };
        LipSyncException e = assertThrows(LipSyncException.class, () -> PictureAlteration.alter(LipSyncMedia.grid("bbaf2n"),
                LipSyncMedia.grid("lrwp9a"), List.of(span(0.8, 1.6)), broken, tmp.resolve("out.mkv")));
        assertTrue(e.getMessage().contains("the mouth model returned"), e.getMessage());
    }
}
