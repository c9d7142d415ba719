package org.dubgate.media.qa;

import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * A file's first audio stream as interleaved float samples, frame by frame as FFmpeg decodes them
 * (constant memory whatever the length). The filter graph decides rate and layout: the audit keeps
 * the file's own rate, since resampling would move peaks and smear clipped runs; the recognizer
 * asks for 16 kHz mono.
 */
final class SampleStream implements AudioBlocks {

    private final FFmpegFrameGrabber grabber;
    private final FFmpegFrameFilter filter;
    private final Path file;
    private boolean ended;

    /** @param conversion FFmpeg filters placed before the conversion to packed float, e.g. {@code aresample=16000}, or empty */
    SampleStream(Path file, String conversion, String layout) throws QaException {
        this.file = file;
        this.grabber = new FFmpegFrameGrabber(file.toFile());
        FFmpegFrameFilter f = null;
        try {
            grabber.start();
            if (grabber.getAudioChannels() == 0) {
                throw new QaException(file.getFileName() + " has no audio stream");
            }
            String graph = (conversion.isEmpty() ? "" : conversion + ",") + "aformat=sample_fmts=flt"
                    + (layout.isEmpty() ? "" : ":channel_layouts=" + layout);
            f = new FFmpegFrameFilter(graph, grabber.getAudioChannels());
            f.setSampleRate(grabber.getSampleRate());
            f.setSampleFormat(grabber.getSampleFormat());
            f.start();
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            closeQuietly(f);
            closeGrabber();
            throw new QaException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (QaException e) {
            closeGrabber();
            throw e;
        }
        this.filter = f;
    }

    /** The stream's channel count as found in the file (the filter may change it). */
    @Override
    public int sourceChannels() {
        return grabber.getAudioChannels();
    }

    @Override
    public int sourceRate() {
        return grabber.getSampleRate();
    }

    /** The next decoded block of interleaved samples, or {@code null} at the end. */
    @Override
    public FloatBuffer next() throws QaException {
        try {
            while (true) {
                Frame out = filter.pullSamples();
                if (out != null && out.samples != null) {
                    return (FloatBuffer) out.samples[0];
                }
                if (ended) {
                    return null;
                }
                Frame in = grabber.grabSamples();
                if (in == null) {
                    filter.push(null);
                    ended = true;
                } else {
                    filter.push(in);
                }
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new QaException("cannot decode " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(filter);
        closeGrabber();
    }

    private static void closeQuietly(FFmpegFrameFilter f) {
        try {
            if (f != null) {
                f.close();
            }
        } catch (FrameFilter.Exception ignored) {
            // closing after use: nothing left to lose
        }
    }

    private void closeGrabber() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // closing after use: nothing left to lose
        }
    }
}
