package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A file's first audio stream as 48 kHz interleaved float blocks in order from near a given sample,
 * each tagged with the index of its first sample on the file's 48 kHz timeline: what {@link SpanExcerpt}
 * reads a span through without decoding what comes before it.
 *
 * <p>Where a seek lands is known from the first frame's timestamp; from there samples are counted, not
 * read off each frame's timestamp, because that is how a decode from the start ({@link PcmReader}, and so
 * every mix) places them, and because containers with coarse timestamps (Matroska's milliseconds) would
 * otherwise jitter by a few samples from frame to frame. A file at another rate than 48 kHz is converted
 * in two steps, to float in the output layout at its own rate, then resampled, so that the samples before
 * a point on both rates' grid can be dropped first and the resampler started there, in the phase a decode
 * from the start has at that point.
 */
final class SoughtPcm implements AutoCloseable {
    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final FFmpegFrameFilter format; // to interleaved float in the excerpt's layout, at the file's rate
    private final FFmpegFrameFilter resample; // to 48 kHz; null for a file at 48 kHz
    final int channels;
    private final int rate;
    private final long gridIn; // so many of the file's samples last as long as gridOut samples at 48 kHz
    private final long gridOut;
    private final ArrayDeque<float[]> ready = new ArrayDeque<>(); // converted, not yet asked for
    private final ArrayDeque<Long> starts = new ArrayDeque<>(); // the 48 kHz index of each block in ready
    private long skip; // the file's samples still to drop before the resampler starts on the grid
    private long out; // the 48 kHz index of the next block put in ready
    long last; // the 48 kHz index of the block next() returned last
    long decoded; // the file's samples decoded here (after the seek: JavaCV's own seeking decodes a few more)
    private boolean ended;

    /**
     * Opened where a span starting at 48 kHz sample {@code start} can be read with {@code preroll} decoded
     * before it: sought when that is past the file's start, else (or when the file cannot seek) from the start.
     */
    static SoughtPcm open(Path file, long start, Duration preroll) throws MixException {
        long seekTo = start - DialogueStem.samples(preroll);
        if (seekTo > 0) {
            SoughtPcm d = new SoughtPcm(file);
            boolean sought = false;
            try {
                sought = d.seek(seekTo, start, DialogueStem.samples(preroll) / 2);
            } catch (MixException e) {
                // a file that cannot seek is still read right from its start, if slower
            } finally {
                if (!sought) {
                    d.close();
                }
            }
            if (sought) {
                return d;
            }
        }
        return new SoughtPcm(file);
    }

    private SoughtPcm(Path file) throws MixException {
        this.file = file;
        FFmpegFrameGrabber g = null;
        FFmpegFrameFilter f = null;
        FFmpegFrameFilter r = null;
        try {
            g = firstAudioStream(file);
            rate = g.getSampleRate();
            channels = SpanExcerpt.channelsFor(g.getAudioChannels());
            f = new FFmpegFrameFilter("aformat=sample_fmts=flt:channel_layouts=" + layout(channels),
                    g.getAudioChannels());
            f.setSampleRate(rate);
            f.setSampleFormat(g.getSampleFormat());
            f.start();
            if (rate != DialogueStem.RATE) {
                r = new FFmpegFrameFilter("aresample=" + DialogueStem.RATE + ",aformat=sample_fmts=flt:channel_layouts="
                        + layout(channels), channels);
                r.setSampleRate(rate);
                r.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
                r.start();
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            close(g, f, r);
            throw new MixException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (MixException | RuntimeException e) {
            close(g, f, r);
            throw e;
        }
        grabber = g;
        format = f;
        resample = r;
        long common = gcd(rate, DialogueStem.RATE);
        gridIn = rate / common;
        gridOut = DialogueStem.RATE / common;
    }

    /**
     * JavaCV takes the first audio stream whose disposition is 0, so a Matroska file whose first track
     * is flagged default would be read from its second: the first audio stream is asked for by index.
     */
    private static FFmpegFrameGrabber firstAudioStream(Path file) throws FrameGrabber.Exception, MixException {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        try {
            g.start();
            int first = -1;
            AVFormatContext oc = g.getFormatContext();
            for (int i = 0; i < oc.nb_streams() && first < 0; i++) {
                if (oc.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                    first = i;
                }
            }
            if (first < 0 || g.getAudioChannels() == 0) {
                throw new MixException(file.getFileName() + " has no audio stream");
            }
            if (g.getAudioStream() != first) {
                g.close();
                g = new FFmpegFrameGrabber(file.toFile());
                g.setAudioStream(first);
                g.start();
            }
            return g;
        } catch (FrameGrabber.Exception | MixException | RuntimeException e) {
            close(g, null, null);
            throw e;
        }
    }

    /**
     * Seeks to 48 kHz sample {@code seekTo}; false when where it landed cannot serve a span from
     * {@code start} (after it, or fewer than {@code warmUp} samples before it), so the caller reads from
     * the start.
     */
    private boolean seek(long seekTo, long start, long warmUp) throws MixException {
        try {
            grabber.setAudioTimestamp(seekTo * 1_000_000L / DialogueStem.RATE);
            Frame first = grabber.grabSamples();
            if (first == null) { // past the end, unless the file says it lasts longer
                ended = true;
                long length = grabber.getLengthInTime();
                return length <= 0 || length * DialogueStem.RATE / 1_000_000L <= start;
            }
            long at = Math.round((first.timestamp - audioStart()) * (double) rate / 1_000_000L);
            long aligned = Math.floorDiv(at + gridIn - 1, gridIn) * gridIn;
            long alignedOut = aligned / gridIn * gridOut;
            if (at < 0 || alignedOut > start - warmUp) {
                return false;
            }
            skip = aligned - at;
            out = alignedOut;
            feed(first);
            return true;
        } catch (FrameGrabber.Exception e) {
            throw new MixException("cannot seek in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** When the audio stream starts, in µs on the timestamps' clock (as JavaCV's audio seek counts). */
    private long audioStart() {
        AVFormatContext oc = grabber.getFormatContext();
        AVStream st = oc.streams(grabber.getAudioStream());
        if (st.start_time() != avutil.AV_NOPTS_VALUE) {
            return 1_000_000L * st.start_time() * st.time_base().num() / st.time_base().den();
        }
        return oc.start_time() != avutil.AV_NOPTS_VALUE ? oc.start_time() : 0;
    }

    /** The next block, its index in {@link #last}; null after the last. */
    float[] next() throws MixException {
        try {
            while (ready.isEmpty() && !ended) {
                Frame frame = grabber.grabSamples();
                if (frame == null) {
                    ended = true;
                    format.push(null);
                    drain();
                    if (resample != null) {
                        resample.push(null);
                        drainResampled();
                    }
                } else {
                    feed(frame);
                }
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new MixException("cannot decode " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (ready.isEmpty()) {
            return null;
        }
        last = starts.poll();
        return ready.poll();
    }

    private void feed(Frame frame) throws MixException {
        try {
            format.push(frame);
            drain();
        } catch (FrameFilter.Exception e) {
            throw new MixException("cannot decode " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private void drain() throws FrameFilter.Exception {
        Frame f;
        while ((f = format.pullSamples()) != null) {
            FloatBuffer b = (FloatBuffer) f.samples[0];
            float[] s = new float[b.remaining()];
            b.get(s);
            int frames = s.length / channels;
            decoded += frames;
            int dropped = (int) Math.min(skip, frames);
            skip -= dropped;
            if (dropped == frames) {
                continue;
            }
            if (dropped > 0) {
                s = Arrays.copyOfRange(s, dropped * channels, s.length);
            }
            if (resample == null) {
                emit(s);
            } else {
                resample.pushSamples(0, channels, rate, avutil.AV_SAMPLE_FMT_FLT, FloatBuffer.wrap(s));
                drainResampled();
            }
        }
    }

    private void drainResampled() throws FrameFilter.Exception {
        Frame f;
        while ((f = resample.pullSamples()) != null) {
            FloatBuffer b = (FloatBuffer) f.samples[0];
            float[] s = new float[b.remaining()];
            b.get(s);
            emit(s);
        }
    }

    private void emit(float[] block) {
        ready.add(block);
        starts.add(out);
        out += block.length / channels;
    }

    /** FFmpeg's layout for the output's channel count, as {@link PcmReader} is asked for it. */
    private static String layout(int channels) {
        return channels == 1 ? "mono" : channels == 6 ? "5.1" : "stereo";
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public void close() {
        close(grabber, format, resample);
    }

    private static void close(FFmpegFrameGrabber g, FFmpegFrameFilter f, FFmpegFrameFilter r) {
        for (FFmpegFrameFilter filter : new FFmpegFrameFilter[]{r, f}) {
            try {
                if (filter != null) {
                    filter.close();
                }
            } catch (FrameFilter.Exception ignored) {
                // closing after use: nothing left to lose
            }
        }
        try {
            if (g != null) {
                g.close();
            }
        } catch (FrameGrabber.Exception ignored) {
            // closing after use: nothing left to lose
        }
    }
}
