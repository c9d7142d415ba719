package org.dubgate.media.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A PCM WAV read with the JDK's own reader ({@code javax.sound.sampled}), for the files engines
 * write: opening FFmpeg's demuxer, decoder and filter graph costs about 5 ms a file, which a
 * language of 2,000 short lines pays 2,000 times; this costs well under one. Integer samples become
 * floats as FFmpeg makes them (divided by 2^(bits-1)), so both readers give the same figures.
 * Anything else (other codecs, big-endian, 8-bit, RF64) is left to FFmpeg, and so is a file whose
 * data chunk says 0 or 0xFFFFFFFF bytes (written to a pipe): FFmpeg reads such a chunk to the end
 * of the file, the JDK takes the size as it is.
 */
public final class PcmWavBlocks implements AutoCloseable {

    private static final int FRAMES = 4096;
    /** The first chunks looked through for the data chunk: engines write it within the first few. */
    private static final int MAX_CHUNKS = 64;

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
    public static Optional<PcmWavBlocks> open(Path file) {
        if (!declaresItsData(file)) {
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

    /** Whether the file is a RIFF WAVE whose data chunk gives a size the JDK and FFmpeg both read as it is. */
    private static boolean declaresItsData(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(head, 0) < 12 || !fourCc(head, 0).equals("RIFF") || !fourCc(head, 8).equals("WAVE")) {
                return false;
            }
            ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            long pos = 12;
            for (int i = 0; i < MAX_CHUNKS && ch.read(chunk.clear(), pos) == 8; i++) {
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                if (fourCc(chunk, 0).equals("data")) {
                    return size != 0 && size != 0xFFFFFFFFL;
                }
                pos += 8 + size + (size & 1);
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String fourCc(ByteBuffer b, int at) {
        return new String(b.array(), at, 4, StandardCharsets.US_ASCII);
    }

    public int channels() {
        return channels;
    }

    public int rate() {
        return Math.round(in.getFormat().getSampleRate());
    }

    /** Bits per sample: 16, 24 or 32. */
    public int bits() {
        return bytesPerSample * 8;
    }

    /** Whether the samples are 32-bit floats rather than integers. */
    public boolean floating() {
        return floating;
    }

    /** The next block of interleaved float samples, or {@code null} at the end. */
    public FloatBuffer next() throws IOException {
        int frameBytes = channels * bytesPerSample;
        int got = in.readNBytes(bytes, 0, bytes.length);
        int samples = got / frameBytes * channels;
        if (samples == 0) {
            return null;
        }
        out.clear();
        float[] to = out.array();
        // one plain loop per sample format (16- and 24-bit are what engines and MIX write)
        if (bytesPerSample == 2) {
            for (int i = 0, j = 0; i < samples; i++, j += 2) {
                to[i] = (short) ((bytes[j] & 0xff) | bytes[j + 1] << 8) / 32768f;
            }
        } else if (bytesPerSample == 3) {
            for (int i = 0, j = 0; i < samples; i++, j += 3) {
                to[i] = ((bytes[j] & 0xff) | (bytes[j + 1] & 0xff) << 8 | bytes[j + 2] << 16) / 8388608f;
            }
        } else {
            ByteBuffer b = ByteBuffer.wrap(bytes, 0, samples * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < samples; i++) {
                to[i] = floating ? b.getFloat() : (float) (b.getInt() / 2147483648.0);
            }
        }
        return out.limit(samples);
    }

    /** The rest of the samples as they are in the file, little-endian and interleaved, whole frames only. */
    public byte[] remainingPcm() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        int got;
        // the stream hands out whole frames only, so every read asks for a whole number of them
        while ((got = in.readNBytes(bytes, 0, bytes.length)) > 0) {
            all.write(bytes, 0, got);
        }
        return all.toByteArray();
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
