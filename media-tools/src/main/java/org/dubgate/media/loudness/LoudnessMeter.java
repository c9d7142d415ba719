package org.dubgate.media.loudness;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.dubgate.media.mix.Span;
import org.dubgate.media.probe.MediaProber;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;

/**
 * Measures a file's loudness (see {@link Loudness}): its audio is decoded with FFmpeg at its own rate
 * and channel layout, converted to float, and streamed through a {@link LoudnessAnalyzer} one decoded
 * frame at a time, so a two-hour programme takes no more memory than a minute of it (bar 8 bytes per
 * 100 ms). Channels are weighted from the stream's layout (LFE left out, surrounds at +1.5 dB).
 *
 * <pre>{@code
 * Loudness mix = new LoudnessMeter().measure(Path.of("es.mix.wav"), cueSpans);
 * mix.integratedLufs(); mix.truePeakDbtp(); mix.dialogueGated().orElseThrow().integratedLufs();
 * }</pre>
 */
public final class LoudnessMeter {

    /** Measures the first audio stream. */
    public Loudness measure(Path file) throws LoudnessException {
        return measure(file, -1, List.of());
    }

    /** Measures the first audio stream, and its dialogue-gated loudness over {@code gateOn}. */
    public Loudness measure(Path file, List<Span> gateOn) throws LoudnessException {
        return measure(file, -1, gateOn);
    }

    /**
     * @param audioStream the FFmpeg stream index of the audio to measure (a programme with a track per
     *                    language), or −1 for the first audio stream
     */
    public Loudness measure(Path file, int audioStream, List<Span> gateOn) throws LoudnessException {
        return analyze(file, audioStream, gateOn, true).finish();
    }

    /** The levels alone, without peaks (NaN): the first audio stream's loudness and its loudness over {@code gateOn}. */
    public Loudness levels(Path file, List<Span> gateOn) throws LoudnessException {
        return analyze(file, -1, gateOn, false).finish();
    }

    /** The analyzer after the whole stream went through it (tests read the bare interpolated peak from it). */
    LoudnessAnalyzer analyze(Path file, int audioStream, List<Span> gateOn) throws LoudnessException {
        return analyze(file, audioStream, gateOn, true);
    }

    private LoudnessAnalyzer analyze(Path file, int audioStream, List<Span> gateOn, boolean truePeak)
            throws LoudnessException {
        String name = file.getFileName().toString();
        try (FFmpegFrameGrabber grabber = MediaProber.confinedGrabber(file)) {
            if (audioStream >= 0) {
                grabber.setAudioStream(audioStream);
            }
            grabber.start();
            int channels = grabber.getAudioChannels();
            if (channels <= 0) {
                throw new LoudnessException(name + ": no audio stream" + (audioStream >= 0 ? " " + audioStream : ""));
            }
            LoudnessAnalyzer analyzer = new LoudnessAnalyzer(grabber.getSampleRate(),
                    ChannelWeights.of(layout(grabber, audioStream), channels), gateOn, truePeak);
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter("aformat=sample_fmts=flt", channels)) {
                filter.setSampleRate(grabber.getSampleRate());
                filter.setSampleFormat(grabber.getSampleFormat());
                filter.start();
                stream(grabber, filter, channels, analyzer);
            }
            return analyzer;
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new LoudnessException(name + ": cannot decode audio: " + e.getMessage(), e);
        }
    }

    /** Decodes to the end, pushing each frame through the float conversion into the analyzer. */
    private static void stream(FFmpegFrameGrabber grabber, FFmpegFrameFilter filter, int channels,
                               LoudnessAnalyzer analyzer) throws FrameGrabber.Exception, FrameFilter.Exception {
        float[] samples = new float[0];
        boolean ended = false;
        while (true) {
            Frame out = filter.pullSamples();
            if (out != null) {
                FloatBuffer b = (FloatBuffer) out.samples[0];
                int n = b.remaining();
                if (samples.length < n) {
                    samples = new float[n];
                }
                b.get(samples, 0, n);
                analyzer.accept(samples, n / channels);
            } else if (ended) {
                return;
            } else {
                Frame in = grabber.grabSamples();
                if (in == null) {
                    filter.push(null);
                    ended = true;
                } else {
                    filter.push(in);
                }
            }
        }
    }

    /** The layout FFmpeg read for the stream being decoded (the grabber takes the first audio stream unless told). */
    private static AVChannelLayout layout(FFmpegFrameGrabber grabber, int audioStream) {
        AVFormatContext ctx = grabber.getFormatContext();
        int index = audioStream >= 0 ? audioStream : grabber.getAudioStream();
        for (int i = 0; index < 0 && i < ctx.nb_streams(); i++) {
            if (ctx.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                index = i;
            }
        }
        return index < 0 || index >= ctx.nb_streams() ? null : ctx.streams(index).codecpar().ch_layout();
    }
}
