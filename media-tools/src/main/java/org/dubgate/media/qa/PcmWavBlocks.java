package org.dubgate.media.qa;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A PCM WAV read with the JDK's own reader ({@code javax.sound.sampled}), for the files engines
 * write: opening FFmpeg's demuxer, decoder and filter graph costs about 5 ms a file, which a
 * language of 2,000 short lines pays 2,000 times; this costs well under one. Integer samples become
 * floats as FFmpeg makes them (divided by 2^(bits-1)), so both readers give the same figures.
 * Anything else (other codecs, big-endian, 8-bit) is left to FFmpeg.
 */
final class PcmWavBlocks implements AudioBlocks {

    private static final int FRAMES = 4096;

    private final AudioInputStream in;
    private final int channels;
    private final int bytesPerSample;
    private final boolean floating;
    private final byte[] bytes;
    private final FloatBuffer out;

    private PcmWavBlocks(AudioInputStream in, AudioFormat f) {
        this.in = in;
        this.channels = f.getChannels();
        this.bytesPerSample = f.getSampleSizeInBits() / 8;
        this.floating = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
        this.bytes = new byte[FRAMES * channels * bytesPerSample];
        this.out = FloatBuffer.allocate(FRAMES * channels);
    }

    /** The file as read by the JDK, when it is a little-endian PCM WAV of 16, 24 or 32 bits (or 32-bit float). */
    static Optional<AudioBlocks> open(Path file) {
        if (!isRiffWave(file)) {
            return Optional.empty(); // content storage names files by hash: the header says what a file is
        }
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException | IOException e) {
            return Optional.empty();
        }
        AudioFormat f = in.getFormat();
        int bits = f.getSampleSizeInBits();
        boolean pcm = f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && (bits == 16 || bits == 24 || bits == 32)
                || f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT && bits == 32;
        if (!pcm || f.isBigEndian() || f.getChannels() < 1 || f.getFrameSize() != f.getChannels() * bits / 8) {
            closeQuietly(in);
            return Optional.empty();
        }
        return Optional.of(new PcmWavBlocks(in, f));
    }

    private static boolean isRiffWave(Path file) {
        byte[] head = new byte[12];
        try (var in = java.nio.file.Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 12) < 12) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                && new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE");
    }

    @Override
    public int sourceChannels() {
        return channels;
    }

    @Override
    public int sourceRate() {
        return Math.round(in.getFormat().getSampleRate());
    }

    @Override
    public FloatBuffer next() throws QaException {
        int frameBytes = channels * bytesPerSample;
        int got = 0;
        try {
            while (got < bytes.length) {
                int n = in.read(bytes, got, bytes.length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            throw new QaException("cannot read the WAV: " + e.getMessage(), e);
        }
        int samples = got / frameBytes * channels;
        if (samples == 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, samples * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        out.clear();
        for (int i = 0; i < samples; i++) {
            out.put(switch (bytesPerSample) {
                case 2 -> b.getShort() / 32768f;
                case 3 -> ((b.get() & 0xff) | (b.get() & 0xff) << 8 | b.get() << 16) / 8388608f;
                default -> floating ? b.getFloat() : (float) (b.getInt() / 2147483648.0);
            });
        }
        return out.flip();
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(AudioInputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // read only: nothing is lost
        }
    }
}
