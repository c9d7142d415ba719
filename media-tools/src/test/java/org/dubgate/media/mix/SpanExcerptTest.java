package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.dubgate.media.mix.DialogueStemTest.read24;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Excerpts compared sample by sample with the same range of the whole file decoded from its start
 * (through {@link PcmReader}, as the mixes read it), on files made here whose every sample is known.
 */
class SpanExcerptTest {

    private static final int RATE = 48_000;

    @TempDir
    Path tmp;

    /** Noise that differs at every sample and channel, so an excerpt one sample off cannot pass. */
    static short noise(long i, int channel) {
        long h = (i + 1) * 0x9E3779B97F4A7C15L + channel * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (short) (h % 12_000);
    }

    /** {@code seconds} of {@link #noise} as a 16-bit WAV. */
    private Path noiseWav(String name, int rate, int channels, double seconds) throws Exception {
        short[] s = new short[(int) Math.round(seconds * rate) * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = noise(i / channels, i % channels);
        }
        return TestMedia.wav(tmp.resolve(name), rate, channels, s);
    }

    /** The whole file decoded from its start at 48 kHz, as 24-bit values the way FFmpeg rounds them. */
    private static int[] whole(Path file, String layout, int channels) throws Exception {
        java.util.List<float[]> blocks = new java.util.ArrayList<>();
        int frames = 0;
        try (PcmReader reader = new PcmReader(file, layout, channels)) {
            int n;
            do {
                float[] b = new float[RATE * channels];
                n = reader.read(b, RATE);
                blocks.add(java.util.Arrays.copyOf(b, n * channels));
                frames += n;
            } while (n == RATE);
        }
        int[] out = new int[frames * channels];
        int at = 0;
        for (float[] b : blocks) {
            for (float x : b) {
                out[at++] = to24(x);
            }
        }
        return out;
    }

    /** float → 32-bit (rounded, as libswresample) → 24-bit (the encoder's shift). */
    static int to24(float x) {
        long s32 = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(x * 2147483648.0)));
        return (int) Math.floorDiv(s32, 256L);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** The excerpt holds sample {@code start + k} of {@code whole} at k, silence where that is outside the file. */
    private static void assertSameRange(int[] whole, long start, int[] excerpt, int channels, int tolerance) {
        long frames = whole.length / channels;
        for (int k = 0; k < excerpt.length / channels; k++) {
            long i = start + k;
            for (int c = 0; c < channels; c++) {
                int expected = i < 0 || i >= frames ? 0 : whole[(int) (i * channels + c)];
                int got = excerpt[k * channels + c];
                if (Math.abs(expected - got) > tolerance) {
                    fail("sample " + k + " of the excerpt (" + i + " of the file), channel " + c + ": expected "
                            + expected + ", got " + got);
                }
            }
        }
    }

    private void assertExcerpt(Path file, String layout, int channels, double from, double to, int tolerance)
            throws Exception {
        Path out = tmp.resolve("excerpt.wav");
        SpanExcerpt.write(file, seconds(from), seconds(to), out);
        int[] excerpt = read24(out, channels);
        long start = DialogueStem.samples(seconds(from));
        assertEquals(DialogueStem.samples(seconds(to).minus(seconds(from))) * channels, excerpt.length,
                "exactly the span's length");
        assertSameRange(whole(file, layout, channels), start, excerpt, channels, tolerance);
    }

    @Test
    void aRangeInTheMiddleIsTheSameSamplesAsTheWholeFile() throws Exception {
        assertExcerpt(noiseWav("stereo.wav", RATE, 2, 6), "stereo", 2, 2.345_678_9, 4.100_000_7, 1);
    }

    @Test
    void aRangeStartingBeforeZeroBeginsWithSilence() throws Exception {
        Path file = noiseWav("mono.wav", RATE, 1, 3);
        assertExcerpt(file, "mono", 1, -0.5, 1.25, 1);
        int[] s = read24(tmp.resolve("excerpt.wav"));
        assertEquals(0, s[RATE / 2 - 1], "silence until the file's first sample");
        assertEquals(noise(0, 0) * 256, s[RATE / 2], "then the file from its first sample");
    }

    @Test
    void aRangeRunningPastTheEndEndsWithSilence() throws Exception {
        Path file = noiseWav("mono.wav", RATE, 1, 3);
        assertExcerpt(file, "mono", 1, 2.2, 4.0, 1);
        int[] s = read24(tmp.resolve("excerpt.wav"));
        int last = (int) (3 * RATE - DialogueStem.samples(seconds(2.2))) - 1;
        assertEquals(noise(3 * RATE - 1, 0) * 256, s[last], "the file's last sample");
        for (int k = last + 1; k < s.length; k++) {
            assertEquals(0, s[k], "silence after the end, at " + k);
        }
    }

    @Test
    void aRangeWhollyPastTheEndIsSilence() throws Exception {
        Path out = tmp.resolve("after.wav");
        SpanExcerpt.write(noiseWav("mono.wav", RATE, 1, 2), seconds(5), seconds(6.5), out);
        int[] s = read24(out);
        assertEquals(RATE * 3 / 2, s.length);
        assertTrue(java.util.Arrays.stream(s).allMatch(v -> v == 0));
    }

    @Test
    void surroundKeepsItsSixChannels() throws Exception {
        assertExcerpt(noiseWav("51.wav", RATE, 6, 3), "5.1", 6, 1.1, 2.2, 1);
    }

    @Test
    void fourChannelsAreDownMixedToStereo() throws Exception {
        assertExcerpt(noiseWav("quad.wav", RATE, 4, 3), "stereo", 2, 1.1, 2.2, 1);
    }

    @Test
    void a44kFileLandsOnThe48kSamplesOfTheWholeFile() throws Exception {
        assertExcerpt(noiseWav("cd.wav", 44_100, 2, 4), "stereo", 2, 1.234_567, 3.0, 1);
    }

    /** Six seconds of a rising chirp, encoded by FFmpeg as {@code format} with {@code codec}. */
    private Path encoded(String name, String format, int codec) throws Exception {
        Path out = tmp.resolve(name);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), 1)) {
            r.setFormat(format);
            r.setAudioCodec(codec);
            r.setSampleRate(RATE);
            r.setAudioBitrate(128_000);
            r.start();
            short[] block = new short[RATE / 10];
            for (int b = 0; b < 60; b++) {
                for (int k = 0; k < block.length; k++) {
                    long n = (long) b * block.length + k;
                    block[k] = (short) (8000 * Math.sin(2 * Math.PI * (200 + n / 100.0) * n / RATE));
                }
                r.recordSamples(RATE, 1, ShortBuffer.wrap(block));
            }
            r.stop();
        }
        return out;
    }

    /** Codecs whose frames overlap need the pre-roll: with it the decode after the seek is the same as from the start. */
    @Test
    void aacMp3AndOpusAreExcerptedAsTheirWholeDecodeHasThem() throws Exception {
        assertExcerpt(encoded("aac.mp4", "mp4", avcodec.AV_CODEC_ID_AAC), "mono", 1, 3.210_9, 4.5, 1);
        assertExcerpt(encoded("lame.mp3", "mp3", avcodec.AV_CODEC_ID_MP3), "mono", 1, 3.210_9, 4.5, 1);
        assertExcerpt(encoded("opus.ogg", "ogg", avcodec.AV_CODEC_ID_OPUS), "mono", 1, 3.210_9, 4.5, 1);
    }

    @Test
    void aRealMpegClipIsExcerptedAsItsWholeDecodeHasIt() throws Exception {
        // MP2 at 44.1 kHz beside MPEG-1 video. FFmpeg's MP2 decoder rounds to 16 bits carrying each rounding
        // error into the next sample, a state no decode after a seek shares: the excerpt differs from the
        // whole decode in the last 16-bit place (256 in 24 bits; resampled, a few of them add up), where a
        // sample out of place would be thousands off
        for (Path clip : TestMedia.gridClips().toList()) {
            assertExcerpt(clip, "stereo", 2, 1.234_5, 2.5, 3 * 256);
            int[] excerpt = read24(tmp.resolve("excerpt.wav"), 2);
            int[] whole = whole(clip, "stereo", 2);
            long start = 2 * DialogueStem.samples(seconds(1.234_5));
            double error = 0;
            for (int k = 0; k < excerpt.length; k++) {
                error += Math.abs(excerpt[k] - whole[(int) (start + k)]);
            }
            assertTrue(error / excerpt.length < 256, clip.getFileName() + ": mean error " + error / excerpt.length);
        }
    }

    @Test
    void theFirstAudioStreamOfAMatroskaFileIsTheOneExcerptedEvenWhenFlaggedDefault() throws Exception {
        Path original = noiseWav("original.wav", RATE, 2, 4);
        short[] tone = new short[4 * RATE];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / RATE));
        }
        Path line = DialogueStemTest.wav(tmp.resolve("line.wav"), RATE, tone);
        Path dub = tmp.resolve("dub.wav");
        DialogueStem.render(List.of(new DialogueStem.Line(line, Duration.ZERO, 1.0)), Duration.ofSeconds(4), dub);
        Path assembled = tmp.resolve("assembled.mkv");
        Assembler.assemble(original, "eng", List.of(new Assembler.DubTrack(dub, "spa", "Spanish dub")), "m.json",
                assembled);
        Path mkv = withDispositions(assembled, tmp.resolve("default-first.mkv"), AV_DISPOSITION_DEFAULT, 0);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mkv.toFile())) {
            g.start();
            assertEquals(1, g.getAudioStream(), "JavaCV left to itself takes the first stream not flagged: the dub");
        }

        Path out = tmp.resolve("excerpt.wav");
        SpanExcerpt.write(mkv, seconds(1.5), seconds(2.5), out);
        int[] excerpt = read24(out, 2);
        int[] whole = whole(original, "stereo", 2);
        // Matroska keeps milliseconds: the excerpt is the original's, within half a millisecond
        long start = DialogueStem.samples(seconds(1.5));
        int lag = bestLag(whole, excerpt, start, 48);
        assertTrue(Math.abs(lag) <= 24, "lag " + lag);
        assertSameRange(whole, start + lag, excerpt, 2, 1);
    }

    /** {@code in}'s streams copied into Matroska {@code out}, stream i given {@code dispositions[i]}. */
    private static Path withDispositions(Path in, Path out, int... dispositions) {
        AVFormatContext ic = new AVFormatContext(null);
        assertTrue(avformat_open_input(ic, in.toString(), null, null) >= 0);
        avformat_find_stream_info(ic, (PointerPointer<?>) null);
        AVFormatContext oc = new AVFormatContext(null);
        assertTrue(avformat_alloc_output_context2(oc, null, "matroska", out.toString()) >= 0);
        for (int i = 0; i < ic.nb_streams(); i++) {
            AVStream st = avformat_new_stream(oc, null);
            avcodec_parameters_copy(st.codecpar(), ic.streams(i).codecpar());
            st.codecpar().codec_tag(0);
            st.time_base(ic.streams(i).time_base());
            st.disposition(dispositions[i]);
        }
        AVIOContext io = new AVIOContext(null);
        assertTrue(avio_open(io, out.toString(), AVIO_FLAG_WRITE) >= 0);
        oc.pb(io);
        assertTrue(avformat_write_header(oc, (AVDictionary) null) >= 0);
        AVPacket p = av_packet_alloc();
        while (av_read_frame(ic, p) >= 0) {
            av_packet_rescale_ts(p, ic.streams(p.stream_index()).time_base(), oc.streams(p.stream_index()).time_base());
            p.pos(-1);
            assertTrue(av_interleaved_write_frame(oc, p) >= 0);
        }
        av_packet_free(p);
        assertTrue(av_write_trailer(oc) >= 0);
        avio_closep(oc.pb());
        avformat_free_context(oc);
        avformat_close_input(ic);
        return out;
    }

    /** The shift within ±{@code max} samples at which the excerpt matches {@code whole} from {@code start} best. */
    private static int bestLag(int[] whole, int[] excerpt, long start, int max) {
        int best = Integer.MIN_VALUE;
        long bestError = Long.MAX_VALUE;
        for (int lag = -max; lag <= max; lag++) {
            long error = 0;
            for (int k = 0; k < 2 * 4_800; k++) {
                error += Math.abs((long) whole[(int) (2 * (start + lag) + k)] - excerpt[k]);
            }
            if (error < bestError) {
                bestError = error;
                best = lag;
            }
        }
        return best;
    }

    @Test
    void theEndOfATwentyMinuteFileIsSoughtNotDecodedFromTheStart() throws Exception {
        Path flac = tmp.resolve("long.flac");
        long frames = 20L * 60 * RATE;
        long markedFrom = frames - 30L * RATE; // noise in the first and the last 30 s, silence between
        long t0 = System.nanoTime();
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(flac.toFile(), 1)) {
            r.setFormat("flac");
            r.setAudioCodec(avcodec.AV_CODEC_ID_FLAC);
            r.setSampleRate(RATE);
            r.setAudioOption("compression_level", "0");
            r.start();
            short[] block = new short[RATE];
            for (long at = 0; at < frames; at += RATE) {
                for (int i = 0; i < RATE; i++) {
                    long n = at + i;
                    block[i] = n < 30L * RATE || n >= markedFrom ? noise(n, 0) : 0;
                }
                r.recordSamples(RATE, 1, ShortBuffer.wrap(block));
            }
            r.stop();
        }
        long made = System.nanoTime() - t0;

        Duration endFrom = Duration.ofMinutes(19).plusSeconds(45).plusNanos(12_345_678);
        Duration startFrom = Duration.ofSeconds(3).plusNanos(12_345_678);
        Path end = tmp.resolve("end.wav");
        Path begin = tmp.resolve("begin.wav");
        long t1 = System.nanoTime();
        long decodedAtStart = SpanExcerpt.excerpt(flac, startFrom, startFrom.plusSeconds(5), begin);
        long t2 = System.nanoTime();
        long decodedAtEnd = SpanExcerpt.excerpt(flac, endFrom, endFrom.plusSeconds(5), end);
        long t3 = System.nanoTime();
        System.out.printf("20 min FLAC made in %d ms; a 5 s excerpt at 0:03 took %d ms, at 19:45 %d ms%n",
                made / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);

        assertTrue(decodedAtEnd < 20L * RATE, "sought: " + decodedAtEnd + " samples decoded for 5 s at 19:45");
        assertTrue(decodedAtStart < 20L * RATE, "" + decodedAtStart);
        for (Path p : List.of(begin, end)) {
            Duration from = p == end ? endFrom : startFrom;
            int[] s = read24(p);
            assertEquals(5 * RATE, s.length);
            long first = DialogueStem.samples(from);
            for (int k = 0; k < s.length; k++) {
                assertEquals(noise(first + k, 0) * 256, s[k], 1, p.getFileName() + " sample " + k);
            }
        }
    }

    @Test
    void aSpanItCannotExcerptIsRefusedWithTheReason() {
        Path any = tmp.resolve("any.wav");
        MixException backwards = assertThrows(MixException.class,
                () -> SpanExcerpt.write(any, seconds(2), seconds(1), tmp.resolve("x.wav")));
        assertTrue(backwards.getMessage().contains("end after it starts"), backwards.getMessage());
        assertThrows(MixException.class, () -> SpanExcerpt.write(any, seconds(2), seconds(2), tmp.resolve("x.wav")));
        MixException tooLong = assertThrows(MixException.class, () -> SpanExcerpt.write(any, Duration.ZERO,
                Duration.ofMinutes(10).plusMillis(1), tmp.resolve("x.wav")));
        assertTrue(tooLong.getMessage().contains("at most 10 minutes"), tooLong.getMessage());
    }

    @Test
    void aFileWithoutAudioIsRefused() throws Exception {
        Path video = tmp.resolve("picture-only.mkv");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(video.toFile(), 64, 48, 0)) {
            r.setFormat("matroska");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setFrameRate(25);
            r.start();
            org.bytedeco.javacv.Frame frame = new org.bytedeco.javacv.Frame(64, 48, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < 10; i++) {
                r.record(frame);
            }
            r.stop();
        }
        MixException e = assertThrows(MixException.class,
                () -> SpanExcerpt.write(video, seconds(0), seconds(0.2), tmp.resolve("x.wav")));
        assertTrue(e.getMessage().contains("has no audio stream"), e.getMessage());
    }

    @Test
    void aFileThatCannotBeReadIsRefusedNamingIt() throws Exception {
        Path missing = tmp.resolve("missing.wav");
        MixException e = assertThrows(MixException.class,
                () -> SpanExcerpt.write(missing, seconds(0), seconds(1), tmp.resolve("x.wav")));
        assertTrue(e.getMessage().contains("missing.wav"), e.getMessage());
    }
}
