package org.dubgate.media.loudness;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EBU test signals written from their definitions as 32-bit float WAV (no quantisation to argue
 * about), streamed to disk so an hour of them takes no memory. Levels are the sine's peak in dBFS per
 * channel, as Tech 3341 and 3342 state them; the sine runs on in phase across level changes.
 */
final class TestSignals {

    /** {@code seconds} of sine at {@code dbfs} on every channel, or one level per channel. */
    record Tone(double seconds, double... dbfs) {
    }

    static final double FADE_SECONDS = 0.02;

    private TestSignals() {
    }

    static Path sines(Path file, int rate, int channels, double hz, Tone... parts) throws IOException {
        long frames = 0;
        for (Tone t : parts) {
            frames += Math.round(t.seconds() * rate);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            header(out, rate, channels, frames);
            ByteBuffer b = ByteBuffer.allocate(4 * channels).order(ByteOrder.LITTLE_ENDIAN);
            long n = 0;
            for (Tone t : parts) {
                double[] amplitude = new double[channels];
                for (int c = 0; c < channels; c++) {
                    amplitude[c] = Math.pow(10, (t.dbfs().length == 1 ? t.dbfs()[0] : t.dbfs()[c]) / 20);
                }
                for (long end = n + Math.round(t.seconds() * rate); n < end; n++) {
                    double s = Math.sin(2 * Math.PI * hz * n / rate);
                    b.clear();
                    for (int c = 0; c < channels; c++) {
                        b.putFloat((float) (amplitude[c] * s));
                    }
                    out.write(b.array());
                }
            }
        }
        return file;
    }

    /**
     * A stereo sine of linear peak {@code amplitude} starting at {@code phaseDegrees} (Tech 3341 cases
     * 15–19), faded in and out over {@value #FADE_SECONDS} s. The fades keep the signal band-limited: a
     * sine switched on and off hard really does overshoot between samples at its two edges (up to
     * +0.7 dB for case 18 through the BS.1770 interpolator), which the cases do not mean to test.
     */
    static Path phasedSine(Path file, int rate, double hz, double phaseDegrees, double amplitude, double seconds)
            throws IOException {
        long frames = Math.round(seconds * rate);
        long fade = Math.round(FADE_SECONDS * rate);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            header(out, rate, 2, frames);
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (long n = 0; n < frames; n++) {
                long edge = Math.min(n, frames - 1 - n);
                double gain = edge >= fade ? 1.0 : 0.5 - 0.5 * Math.cos(Math.PI * edge / fade);
                float s = (float) (gain * amplitude * Math.sin(2 * Math.PI * hz * n / rate + Math.toRadians(phaseDegrees)));
                b.clear();
                out.write(b.putFloat(s).putFloat(s).array());
            }
        }
        return file;
    }

    /** RIFF/WAVE header of IEEE float PCM (format tag 3). */
    private static void header(OutputStream out, int rate, int channels, long frames) throws IOException {
        long data = frames * channels * 4;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt((int) (36 + data)).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 3).putShort((short) channels).putInt(rate).putInt(rate * channels * 4)
                .putShort((short) (channels * 4)).putShort((short) 32).put("data".getBytes()).putInt((int) data);
        out.write(h.array());
    }
}
