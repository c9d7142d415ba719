package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.dubgate.media.audio.PcmWavBlocks;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stem's lines into mono float samples at 48 kHz, one line at a time, for one render.
 *
 * <p>Every line used to open FFmpeg's demuxer, decoder and a filter graph
 * ({@code [atempo,]aresample=48000,aformat=flt:mono}), about 5 ms a line. A 16-bit PCM WAV at its own
 * tempo (what the engines write) is now read by the JDK and resampled by a libswresample context
 * made once per input rate and channel count, re-initialised for each line: that is exactly what the
 * graph's {@code aresample} ran (same options, same input format, a fresh state, flushed at the
 * line's end), so the samples are the same to the bit. A tempo to apply ({@code atempo} has no cheaper
 * equivalent) goes through the graph, fed by the JDK's reader; anything else — another sample format
 * (JavaCV's grabber rounds it to 16 bits first), a file the JDK does not read as FFmpeg does — through
 * FFmpeg's grabber and the graph.
 */
final class LineDecoder implements AutoCloseable {

    private final Map<Long, Resampler> resamplers = new HashMap<>();

    /** One line as mono float samples at 48 kHz, its tempo applied. */
    float[] decode(DialogueStem.Line line) throws MixException {
        Optional<PcmWavBlocks> wav = PcmWavBlocks.open(line.audio());
        if (wav.isPresent()) {
            try (PcmWavBlocks in = wav.get()) {
                if (in.bits() == 16 && !in.floating()) {
                    byte[] pcm = in.remainingPcm();
                    return changesTempo(line) ? throughFilterGraph(line, pcm, in.rate(), in.channels())
                            : resampler(in.rate(), in.channels()).toMono48k(pcm);
                }
            } catch (IOException e) {
                throw new MixException("cannot read line " + line.audio().getFileName() + ": " + e.getMessage(), e);
            }
        }
        return throughFilterGraph(line);
    }

    /**
     * A 16-bit PCM line read by the JDK, through the graph: the samples the grabber would have handed
     * the graph (packed 16-bit, in blocks whose size the graph's output does not depend on), without
     * opening FFmpeg's demuxer and decoder for it — which was most of the 10 ms a tempo line took.
     */
    private static float[] throughFilterGraph(DialogueStem.Line line, byte[] pcm, int rate, int channels)
            throws MixException {
        short[] samples = new short[pcm.length / 2];
        java.nio.ByteBuffer.wrap(pcm).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        FloatCollector collected = new FloatCollector();
        try (FFmpegFrameFilter filter = new FFmpegFrameFilter(chain(line), channels)) {
            filter.setSampleRate(rate);
            filter.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            filter.start();
            int block = 4_096 * channels;
            for (int at = 0; at < samples.length; at += block) {
                filter.pushSamples(0, channels, rate, avutil.AV_SAMPLE_FMT_S16,
                        java.nio.ShortBuffer.wrap(Arrays.copyOfRange(samples, at, Math.min(at + block, samples.length))));
                drain(filter, collected);
            }
            filter.push(null);
            drain(filter, collected);
        } catch (FrameFilter.Exception e) {
            throw new MixException("cannot read line " + line.audio().getFileName() + ": " + e.getMessage(), e);
        }
        return collected.toArray();
    }

    private static String chain(DialogueStem.Line line) {
        return (changesTempo(line) ? String.format(Locale.ROOT, "atempo=%.6f,", line.tempo()) : "")
                + "aresample=" + DialogueStem.RATE + ",aformat=sample_fmts=flt:channel_layouts=mono";
    }

    private static boolean changesTempo(DialogueStem.Line line) {
        return Math.abs(line.tempo() - 1.0) > 1e-6;
    }

    private Resampler resampler(int rate, int channels) throws MixException {
        long key = (long) rate << 8 | channels;
        Resampler r = resamplers.get(key);
        if (r == null) {
            r = new Resampler(rate, channels);
            resamplers.put(key, r);
        }
        return r;
    }

    @Override
    public void close() {
        resamplers.values().forEach(Resampler::close);
        resamplers.clear();
    }

    /**
     * What {@code aresample=48000,aformat=sample_fmts=flt:channel_layouts=mono} does to packed 16-bit
     * input at one rate and channel count, the channels in FFmpeg's default layout for their count
     * (what JavaCV's filter tells the graph whatever the file says).
     */
    private static final class Resampler implements AutoCloseable {
        private final SwrContext swr = new SwrContext();
        private final int channels;
        private final PointerPointer<BytePointer> in = new PointerPointer<>(1);
        private final PointerPointer<FloatPointer> out = new PointerPointer<>(1);
        private BytePointer inBuffer = new BytePointer(0L);
        private FloatPointer outBuffer = new FloatPointer(0L);

        Resampler(int rate, int channels) throws MixException {
            this.channels = channels;
            AVChannelLayout from = new AVChannelLayout();
            AVChannelLayout mono = new AVChannelLayout();
            try {
                avutil.av_channel_layout_default(from, channels);
                avutil.av_channel_layout_default(mono, 1);
                int ret = swresample.swr_alloc_set_opts2(swr, mono, avutil.AV_SAMPLE_FMT_FLT, DialogueStem.RATE,
                        from, avutil.AV_SAMPLE_FMT_S16, rate, 0, null);
                if (ret < 0) {
                    throw new MixException("cannot resample " + channels + " channels at " + rate + " Hz: " + ret);
                }
            } finally {
                avutil.av_channel_layout_uninit(from);
                avutil.av_channel_layout_uninit(mono);
                from.close();
                mono.close();
            }
        }

        /** The line's samples, packed little-endian 16-bit, as mono floats at 48 kHz. */
        float[] toMono48k(byte[] pcm) throws MixException {
            int ret = swresample.swr_init(swr); // a fresh state: no history of the line before
            if (ret < 0) {
                throw new MixException("cannot start the resampler: " + ret);
            }
            int frames = pcm.length / (2 * channels);
            if (inBuffer.capacity() < pcm.length) {
                inBuffer.close();
                inBuffer = new BytePointer(Math.max(pcm.length, 2 * inBuffer.capacity()));
            }
            inBuffer.position(0).put(pcm, 0, pcm.length);
            in.put(0, inBuffer);
            int room = Math.max(swresample.swr_get_out_samples(swr, frames), 4096);
            if (outBuffer.capacity() < room) {
                outBuffer.close();
                outBuffer = new FloatPointer(Math.max(room, 2 * outBuffer.capacity()));
            }
            out.put(0, outBuffer);
            float[] samples = new float[room];
            int size = convert(in, frames, samples, 0);
            // the filter's tail: what the resampler still holds once the input has ended
            int got;
            while ((got = convert(null, 0, samples = grow(samples, size + 4096), size)) > 0) {
                size += got;
            }
            return Arrays.copyOf(samples, size);
        }

        private int convert(PointerPointer<BytePointer> input, int frames, float[] into, int at) throws MixException {
            int room = (int) Math.min(outBuffer.capacity(), into.length - at);
            int got = swresample.swr_convert(swr, out, room, input, frames);
            if (got < 0) {
                throw new MixException("cannot resample a line: " + got);
            }
            outBuffer.position(0).get(into, at, got);
            return got;
        }

        private static float[] grow(float[] a, int size) {
            return a.length >= size ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
        }

        @Override
        public void close() {
            swresample.swr_free(swr);
            in.close();
            out.close();
            inBuffer.close();
            outBuffer.close();
        }
    }

    /** A line through FFmpeg: a grabber and a filter graph of its own, tempo applied by the pitch-preserving atempo. */
    static float[] throughFilterGraph(DialogueStem.Line line) throws MixException {
        String chain = chain(line);
        FloatCollector collected = new FloatCollector();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(line.audio().toFile())) {
            grabber.start();
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter(chain, grabber.getAudioChannels())) {
                filter.setSampleRate(grabber.getSampleRate());
                filter.setSampleFormat(grabber.getSampleFormat());
                filter.start();
                Frame frame;
                while ((frame = grabber.grabSamples()) != null) {
                    filter.push(frame);
                    drain(filter, collected);
                }
                filter.push(null);
                drain(filter, collected);
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new MixException("cannot read line " + line.audio().getFileName() + ": " + e.getMessage(), e);
        }
        return collected.toArray();
    }

    private static void drain(FFmpegFrameFilter filter, FloatCollector into) throws FrameFilter.Exception {
        Frame out;
        while ((out = filter.pullSamples()) != null) {
            into.add((FloatBuffer) out.samples[0]);
        }
    }

    /** A growable float array. */
    private static final class FloatCollector {
        private float[] data = new float[DialogueStem.RATE];
        private int size;

        void add(FloatBuffer b) {
            int n = b.remaining();
            if (size + n > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            b.get(data, size, n);
            size += n;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }
}
