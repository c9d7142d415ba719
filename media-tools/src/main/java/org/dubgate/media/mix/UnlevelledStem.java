package org.dubgate.media.mix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The dialogue stem as rendered, before its gain: the scratch file between the levelling's two
 * passes, beside the output so it lands on the same disk and goes with the job's folder. Raw
 * little-endian 16-bit samples, no header; silence is not written but skipped over (a hole in the
 * file reads back as zeros, and so does anything past its end).
 *
 * <p>Why 16 bits: the scratch used to be a float WAV written through FFmpeg and read back through
 * {@link PcmReader}, whose JavaCV grabber hands out 16-bit samples ({@link Pcm}); the levelled stem
 * has always been made from the samples rounded so, and clipped at full scale (overlapping lines
 * louder than that stay clipped even when the gain then brings them down). Rounding them here gives
 * the second pass the same samples, from a file half the size.
 */
final class UnlevelledStem implements AutoCloseable {

    private static final int FRAMES = 1 << 15;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer bytes = ByteBuffer.allocate(2 * FRAMES).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    private UnlevelledStem(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** A new scratch file beside {@code stemOut}, deleted by {@link #close}. */
    static UnlevelledStem besideOf(Path stemOut) throws MixException {
        Path dir = stemOut.toAbsolutePath().getParent();
        Path file = null;
        try {
            file = Files.createTempFile(dir, stemOut.getFileName() + ".", ".unlevelled.pcm");
            return new UnlevelledStem(file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new MixException("cannot create a scratch stem in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code n} samples of {@code block}, rounded to 16 bits. */
    void write(float[] block, int n) throws MixException {
        for (int from = 0; from < n; from += FRAMES) {
            int k = Math.min(FRAMES, n - from);
            bytes.clear();
            for (int i = 0; i < k; i++) {
                bytes.putShort(Pcm.toS16(block[from + i]));
            }
            bytes.flip();
            try {
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    /** Appends {@code n} samples of silence: nothing written. */
    void skip(long n) {
        position += 2 * n;
    }

    /** Reads {@code n} samples from sample {@code from} into {@code into}, as floats; zeros past the end. */
    void read(long from, float[] into, int n) throws MixException {
        long at = 2 * from;
        for (int done = 0; done < n; ) {
            int k = Math.min(FRAMES, n - done);
            bytes.clear().limit(2 * k);
            try {
                while (bytes.hasRemaining()) {
                    int got = channel.read(bytes, at + bytes.position());
                    if (got < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw failed(e);
            }
            int read = bytes.position() / 2;
            bytes.flip();
            for (int i = 0; i < read; i++) {
                into[done + i] = Pcm.fromS16(bytes.getShort());
            }
            java.util.Arrays.fill(into, done + read, done + k, 0f);
            done += k;
            at += 2L * k;
        }
    }

    private MixException failed(IOException e) {
        return new MixException("cannot use the scratch stem " + file.getFileName() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read and written through: nothing left to lose
        }
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover scratch file in the job's folder: removed with the folder
        }
    }
}
