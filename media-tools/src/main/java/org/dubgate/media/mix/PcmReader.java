package org.dubgate.media.mix;

import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.dubgate.media.probe.MediaProber;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a file's first audio stream as interleaved float samples at 48 kHz in a fixed channel
 * layout, exactly as many frames as asked for at a time (FFmpeg hands out frames of varying size):
 * lets several inputs be mixed block by block without holding any of them whole.
 *
 * <p>A source opened with {@link #ofSource} is decoded once while {@link DecodedAudio} keeps
 * decodings: the first reader keeps what it decodes, later readers read that back (the same
 * samples, bit for bit).
 */
public final class PcmReader implements AutoCloseable {

    private final int channels;
    private FFmpegFrameGrabber grabber;
    private FFmpegFrameFilter filter;
    /** The kept decoding being read back, when there was one. */
    private DecodedAudio.Kept kept;
    /** The decoding being kept as it is read, when it may be. */
    private DecodedAudio.Writer keeping;
    private float[] carry = new float[0];
    private int carryLength;
    private int carryPos;
    private boolean ended;

    /** @param layout an FFmpeg channel layout name: {@code mono}, {@code stereo} or {@code 5.1} */
    public PcmReader(Path file, String layout, int channels) throws MixException {
        this(file, Optional.empty(), layout, channels);
    }

    /** @param select an FFmpeg filter applied first, e.g. {@code pan=mono|c0=FC} to take one channel */
    PcmReader(Path file, Optional<String> select, String layout, int channels) throws MixException {
        this.channels = channels;
        openDecoder(file, select, layout);
    }

    private PcmReader(int channels) {
        this.channels = channels;
    }

    /**
     * A programme's source (or M&E) read as {@link #PcmReader(Path, String, int)} reads it, decoded
     * once for all readers while {@link DecodedAudio} keeps decodings.
     */
    public static PcmReader ofSource(Path file, String layout, int channels) throws MixException {
        Optional<DecodedAudio> store = DecodedAudio.shared();
        if (store.isEmpty()) {
            return new PcmReader(file, layout, channels);
        }
        DecodedAudio.Key key;
        try {
            key = DecodedAudio.Key.of(file, layout, channels);
        } catch (IOException e) {
            throw new MixException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        PcmReader reader = new PcmReader(channels);
        Optional<DecodedAudio.Kept> found = store.get().find(key);
        if (found.isPresent()) {
            reader.kept = found.get();
            return reader;
        }
        reader.openDecoder(file, Optional.empty(), layout);
        // what it will take, from the container's duration (an estimate: 1 % and 100 ms more)
        long frames = Math.max(0, reader.grabber.getLengthInTime()) * DialogueStem.RATE / 990_000 + DialogueStem.RATE / 10;
        reader.keeping = store.get().begin(key, frames, channels, reader.grabber.getSampleRate() == DialogueStem.RATE)
                .orElse(null);
        return reader;
    }

    private void openDecoder(Path file, Optional<String> select, String layout) throws MixException {
        grabber = MediaProber.confinedGrabber(file);
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

    /** Whether the file's audio is two channels at 48 kHz: read as stereo, its samples are the decoder's own. */
    static boolean isStereoAt48k(Path file) throws MixException {
        try (FFmpegFrameGrabber g = MediaProber.confinedGrabber(file)) {
            g.start();
            if (g.getAudioChannels() != 2 || g.getSampleRate() != DialogueStem.RATE) {
                return false;
            }
            // the meter weighs the channels by the layout the file declares: front left and right (or
            // none declared) weigh 1 each, as the stereo reading does
            org.bytedeco.ffmpeg.avutil.AVChannelLayout layout = g.getFormatContext().streams(g.getAudioStream())
                    .codecpar().ch_layout();
            return layout.order() != org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_NATIVE
                    || layout.u_mask() == org.bytedeco.ffmpeg.global.avutil.AV_CH_LAYOUT_STEREO;
        } catch (FrameGrabber.Exception e) {
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
            if (carryPos < carryLength) {
                int n = Math.min(wanted - filled, carryLength - carryPos);
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
        if (kept != null) {
            return nextKept();
        }
        try {
            while (true) {
                Frame out = filter.pullSamples();
                if (out != null) {
                    FloatBuffer b = (FloatBuffer) out.samples[0];
                    carryLength = b.remaining();
                    if (carry.length < carryLength) {
                        carry = new float[carryLength];
                    }
                    b.get(carry, 0, carryLength);
                    carryPos = 0;
                    if (keeping != null && !keeping.write(carry, carryLength)) {
                        keeping = null;
                    }
                    return true;
                }
                if (ended) {
                    if (keeping != null) {
                        keeping.complete();
                        keeping = null;
                    }
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
            if (keeping != null) {
                keeping.abandon(); // a decoding with a gap in it is no decoding to keep
                keeping = null;
            }
            throw new MixException("cannot decode audio: " + e.getMessage(), e);
        }
    }

    private boolean nextKept() throws MixException {
        if (carry.length < 4_800 * channels) {
            carry = new float[4_800 * channels];
        }
        try {
            carryLength = kept.read(carry);
        } catch (IOException e) {
            throw new MixException("cannot read the decoded source: " + e.getMessage(), e);
        }
        carryPos = 0;
        return carryLength > 0;
    }

    /** At most this much is decoded past what was read, at close, to keep a whole decoding: a source's last frames. */
    private static final long DRAIN_LIMIT_SAMPLES = 10L * DialogueStem.RATE * 6;

    @Override
    public void close() {
        if (keeping != null) {
            // readers stop at the programme's length; the source's last frames past it complete the decoding
            try {
                long drained = 0;
                while (keeping != null && drained < DRAIN_LIMIT_SAMPLES && next()) {
                    drained += carryLength;
                }
            } catch (MixException e) {
                // it was never going to be a whole decoding
            }
            if (keeping != null) {
                keeping.abandon(); // stopped well before the end: not a whole decoding
                keeping = null;
            }
        }
        try {
            if (kept != null) {
                kept.close();
            }
        } catch (IOException ignored) {
            // closing after use: nothing left to lose
        }
        try {
            if (filter != null) {
                filter.close();
            }
        } catch (FrameFilter.Exception ignored) {
            // closing after use: nothing left to lose
        }
        try {
            if (grabber != null) {
                grabber.close();
            }
        } catch (FrameGrabber.Exception ignored) {
            // closing after use: nothing left to lose
        }
    }
}
