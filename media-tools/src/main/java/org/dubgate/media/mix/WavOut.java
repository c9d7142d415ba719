package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A 48 kHz WAV written block by block from interleaved float samples: 24-bit PCM for deliverables,
 * or 32-bit float for a stem still to be levelled (nothing clipped or rounded before its gain).
 * {@link #finish} completes the file; {@link #close} alone abandons it.
 *
 * <p>Metadata given goes into the file's RIFF {@code LIST}/{@code INFO} chunk, written by FFmpeg's muxer
 * before the samples: what lets a delivered stem or mix say what it is (a {@link Disclosure}) wherever it
 * travels without its container. FFmpeg maps only a few generic names to INFO tags and drops any other
 * without a word, so only those are taken ({@link #INFO_KEYS}); {@code encoder} (ISFT) is FFmpeg's own.
 */
final class WavOut implements AutoCloseable {

    enum Encoding { PCM_24, FLOAT_32 }

    /**
     * FFmpeg's names the WAV muxer writes as RIFF INFO tags (libavformat/riff.c, {@code ff_riff_info_conv}):
     * comment ICMT, title INAM, artist IART, copyright ICOP, date ICRD, genre IGNR, language ILNG,
     * album IPRD, track IPRT, encoded_by ITCH.
     */
    static final Set<String> INFO_KEYS = Set.of("comment", "title", "artist", "copyright", "date", "genre",
            "language", "album", "track", "encoded_by");

    private final Path file;
    private final int channels;
    private final FFmpegFrameRecorder recorder;

    WavOut(Path file, int channels, Encoding encoding) throws MixException {
        this(file, channels, encoding, Map.of());
    }

    /** @param metadata tags for the INFO chunk, by FFmpeg's names (only {@link #INFO_KEYS}); empty for none */
    WavOut(Path file, int channels, Encoding encoding, Map<String, String> metadata) throws MixException {
        for (Map.Entry<String, String> tag : metadata.entrySet()) {
            if (!INFO_KEYS.contains(tag.getKey())) {
                throw new IllegalArgumentException("a WAV's INFO chunk has no tag for \"" + tag.getKey()
                        + "\": FFmpeg would drop it; use one of " + INFO_KEYS);
            }
            if (tag.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an INFO tag is a C string: no NUL in " + tag.getKey());
            }
        }
        this.file = file;
        this.channels = channels;
        this.recorder = new FFmpegFrameRecorder(file.toFile(), channels);
        recorder.setFormat("wav");
        // past 4 GiB (a 5.1 24-bit mix of 83 minutes) a RIFF size field overflows: FFmpeg then writes RF64
        recorder.setOption("rf64", "auto");
        // the INFO chunk sits between fmt and data, so a promotion to RF64 (JUNK rewritten as ds64) leaves it be
        recorder.setMetadata(new HashMap<>(metadata));
        if (encoding == Encoding.PCM_24) {
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S24LE);
            recorder.setSampleFormat(avutil.AV_SAMPLE_FMT_S32); // the 24-bit PCM encoder takes 32-bit samples
        } else {
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_F32LE);
            recorder.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        }
        recorder.setSampleRate(DialogueStem.RATE);
        recorder.setAudioChannels(channels);
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            close();
            throw failed(e);
        }
    }

    /** Appends {@code frames} interleaved frames of {@code samples}. */
    void write(float[] samples, int frames) throws MixException {
        if (frames == 0) {
            return;
        }
        try {
            recorder.recordSamples(DialogueStem.RATE, channels, FloatBuffer.wrap(samples, 0, frames * channels));
        } catch (FrameRecorder.Exception e) {
            throw failed(e);
        }
    }

    /** Flushes the encoder and writes the header's sizes. */
    void finish() throws MixException {
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw failed(e);
        }
    }

    private MixException failed(FrameRecorder.Exception e) {
        return new MixException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception ignored) {
            // the file is finished or abandoned already: nothing left to lose
        }
    }
}
