package org.dubgate.media.probe;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Probing files written by FFmpeg itself (through JavaCV's recorder): language tags, an MP4 whose
 * header declares its duration, and the same MP4 cut short.
 */
class GeneratedMediaTest {

    private static final int W = 160;
    private static final int H = 120;
    private static final int RATE = 48000;

    @TempDir
    Path tmp;

    /** Two seconds of moving grey frames and a 440 Hz tone, the audio tagged Spanish. */
    private Path mp4(String name, boolean faststart) throws Exception {
        Path out = tmp.resolve(name);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), W, H, 1)) {
            r.setFormat("mp4");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setFrameRate(25);
            r.setVideoBitrate(400_000);
            r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            r.setSampleRate(RATE);
            r.setAudioChannels(1);
            r.setAudioMetadata("language", "spa");
            if (faststart) {
                r.setOption("movflags", "+faststart");
            }
            r.start();
            Frame frame = new Frame(W, H, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) frame.image[0];
            short[] tone = new short[RATE / 25];
            for (int i = 0; i < 50; i++) {
                for (int p = 0; p < pixels.capacity(); p++) {
                    pixels.put(p, (byte) ((p + i * 7) & 0xff));
                }
                r.record(frame);
                for (int s = 0; s < tone.length; s++) {
                    tone[s] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i * tone.length + s) / RATE));
                }
                r.recordSamples(RATE, 1, ShortBuffer.wrap(tone));
            }
            r.stop();
        }
        return out;
    }

    @Test
    void languageTagsAndStreamParametersAreReported() throws Exception {
        MediaProbe probe = new MediaProber().probe(mp4("tagged.mp4", false));
        assertEquals(2.0, probe.durationSeconds(), 0.1);
        StreamInfo.Video video = probe.firstVideo().orElseThrow();
        assertEquals("mpeg4", video.codec());
        assertEquals(W, video.width());
        assertEquals(H, video.height());
        assertEquals(25.0, video.frameRate(), 0.01);
        StreamInfo.Audio audio = probe.firstAudio().orElseThrow();
        assertEquals("aac", audio.codec());
        assertEquals(RATE, audio.sampleRate());
        assertEquals(1, audio.channels());
        assertEquals("mono", audio.channelLayout());
        assertEquals("spa", audio.language().orElseThrow());
        assertTrue(probe.toJson().contains("\"language\":\"spa\""));
    }

    @Test
    void mp4CutShortAfterItsHeaderIsTruncated() throws Exception {
        Path whole = mp4("whole.mp4", true);
        Path cut = tmp.resolve("cut.mp4");
        try (InputStream in = Files.newInputStream(whole)) {
            Files.write(cut, in.readNBytes((int) (Files.size(whole) * 0.6)));
        }
        ProbeException e = assertThrows(ProbeException.class, () -> new MediaProber().probe(cut));
        assertEquals(ProbeException.Reason.TRUNCATED, e.reason(), e.getMessage());
    }

    @Test
    void audioFileWithAHeaderAndNoFrameIsNotReady() throws Exception {
        // a recorder started and stopped at once: a valid FLAC header declares the stream, no frame follows
        Path empty = tmp.resolve("nothing.flac");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(empty.toFile(), 1)) {
            r.setFormat("flac");
            r.setAudioCodec(avcodec.AV_CODEC_ID_FLAC);
            r.setSampleRate(RATE);
            r.start();
            r.stop();
        }
        ProbeException e = assertThrows(ProbeException.class, () -> new MediaProber().probe(empty));
        assertEquals(ProbeException.Reason.EMPTY, e.reason(), e.getMessage());
        assertEquals("no audio or video data: the file holds headers only", e.detail());
    }

    /** Three seconds of a 440 Hz tone as Opus in Ogg. */
    private Path opus(String name) throws Exception {
        Path out = tmp.resolve(name);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), 1)) {
            r.setFormat("ogg");
            r.setAudioCodec(avcodec.AV_CODEC_ID_OPUS);
            r.setSampleRate(RATE);
            r.setAudioBitrate(32_000);
            r.start();
            short[] tone = new short[RATE / 10];
            for (int i = 0; i < 30; i++) {
                for (int s = 0; s < tone.length; s++) {
                    tone[s] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i * tone.length + s) / RATE));
                }
                r.recordSamples(RATE, 1, ShortBuffer.wrap(tone));
            }
            r.stop();
        }
        return out;
    }

    @Test
    void oggOpusCutShortIsTruncatedWhereverItIsCut() throws Exception {
        Path whole = opus("whole.opus");
        MediaProbe ok = new MediaProber().probe(whole);
        assertEquals("ogg", ok.container());
        assertEquals(3.0, ok.durationSeconds(), 0.05);

        byte[] bytes = Files.readAllBytes(whole);
        Path midPage = Files.write(tmp.resolve("mid-page.opus"), java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));
        ProbeException e = assertThrows(ProbeException.class, () -> new MediaProber().probe(midPage));
        assertEquals(ProbeException.Reason.TRUNCATED, e.reason(), e.getMessage());
        assertEquals("the file ends inside an Ogg page: it is cut short", e.detail());

        // cut exactly where a page begins: every page left is whole, but the stream never ends
        int lastPage = lastIndexOf(bytes, "OggS".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path onBoundary = Files.write(tmp.resolve("on-boundary.opus"), java.util.Arrays.copyOf(bytes, lastPage));
        e = assertThrows(ProbeException.class, () -> new MediaProber().probe(onBoundary));
        assertEquals(ProbeException.Reason.TRUNCATED, e.reason(), e.getMessage());
        assertTrue(e.detail().contains("no end-of-stream flag"), e.detail());
    }

    private static int lastIndexOf(byte[] in, byte[] what) {
        for (int i = in.length - what.length; i >= 0; i--) {
            if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
