package org.dubgate.media.mix;

import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a file's first audio stream as interleaved float samples at 48 kHz in a fixed channel
 * layout, exactly as many frames as asked for at a time (FFmpeg hands out frames of varying size):
 * lets several inputs be mixed block by block without holding any of them whole.
 */
public final class PcmReader implements AutoCloseable {

    private final FFmpegFrameGrabber grabber;
    private final FFmpegFrameFilter filter;
    private final int channels;
    private float[] carry = new float[0];
    private int carryPos;
    private boolean ended;

    /** @param layout an FFmpeg channel layout name: {@code mono}, {@code stereo} or {@code 5.1} */
    public PcmReader(Path file, String layout, int channels) throws MixException {
        this(file, Optional.empty(), layout, channels);
    }

    /** @param select an FFmpeg filter applied first, e.g. {@code pan=mono|c0=FC} to take one channel */
    PcmReader(Path file, Optional<String> select, String layout, int channels) throws MixException {
        this.channels = channels;
        this.grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
            if (grabber.getAudioChannels() == 0) {
                throw new MixException(file.getFileName() + " has no audio stream");
            }
            filter = new FFmpegFrameFilter(select.map(f -> f + ",").orElse("") + "aresample=" + DialogueStem.RATE
                    + ",aformat=sample_fmts=flt:channel_layouts=" + layout, grabber.getAudioChannels());
            filter.setSampleRate(grabber.getSampleRate());
            filter.setSampleFormat(grabber.getSampleFormat());
            filter.start();
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            close();
            throw new MixException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The audio channel count of the source as found in the file. */
    static int channelsOf(Path file) throws MixException {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            return g.getAudioChannels();
        } catch (FrameGrabber.Exception e) {
            throw new MixException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Fills {@code into} with {@code frames} frames (silence past the end); returns how many were real. */
    public int read(float[] into, int frames) throws MixException {
        int wanted = frames * channels;
        int filled = 0;
        while (filled < wanted) {
            if (carryPos < carry.length) {
                int n = Math.min(wanted - filled, carry.length - carryPos);
                System.arraycopy(carry, carryPos, into, filled, n);
                carryPos += n;
                filled += n;
            } else if (!next()) {
                java.util.Arrays.fill(into, filled, wanted, 0f);
                break;
            }
        }
        return filled / channels;
    }

    private boolean next() throws MixException {
        try {
            while (true) {
                Frame out = filter.pullSamples();
                if (out != null) {
                    FloatBuffer b = (FloatBuffer) out.samples[0];
                    carry = new float[b.remaining()];
                    b.get(carry);
                    carryPos = 0;
                    return true;
                }
                if (ended) {
                    return false;
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
            throw new MixException("cannot decode audio: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (filter != null) {
                filter.close();
            }
        } catch (FrameFilter.Exception ignored) {
            // closing after use: nothing left to lose
        }
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // closing after use: nothing left to lose
        }
    }
}
