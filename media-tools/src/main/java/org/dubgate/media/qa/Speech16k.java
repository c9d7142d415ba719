package org.dubgate.media.qa;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Converts a line to what pocketsphinx's acoustic model was trained on: 16 kHz mono 16-bit
 * little-endian PCM, headerless (pocketsphinx reads a file not named {@code .wav} as raw samples at
 * {@code -samprate}). Done here with FFmpeg through JavaCV, block by block.
 */
final class Speech16k {

    static final int RATE = 16_000;

    private Speech16k() {
    }

    /** Writes the raw samples; returns their length in seconds. */
    static double write(Path audio, Path raw) throws QaException {
        long samples = 0;
        byte[] bytes = new byte[8192];
        try (SampleStream in = new SampleStream(audio, "aresample=" + RATE, "mono");
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw))) {
            FloatBuffer block;
            while ((block = in.next()) != null) {
                while (block.hasRemaining()) {
                    int n = Math.min(block.remaining(), bytes.length / 2);
                    for (int i = 0; i < n; i++) {
                        float f = block.get();
                        int s = (int) Math.max(-32768, Math.min(32767, Math.round(f * 32768.0)));
                        bytes[2 * i] = (byte) s;
                        bytes[2 * i + 1] = (byte) (s >> 8);
                    }
                    out.write(bytes, 0, 2 * n);
                    samples += n;
                }
            }
        } catch (IOException e) {
            throw new QaException("cannot write 16 kHz audio for the recognizer: " + e.getMessage(), e);
        }
        return (double) samples / RATE;
    }
}
