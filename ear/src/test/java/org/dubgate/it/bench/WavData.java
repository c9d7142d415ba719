package org.dubgate.it.bench;

import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessAnalyzer;
import org.dubgate.media.mix.MixException;
import org.dubgate.media.mix.ProgrammeMix;
import org.dubgate.media.mix.Span;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The samples of the WAV files the server and the script wrote, compared by their {@code data} chunks
 * alone (the headers differ: the server's carries the disclosure and FFmpeg's version tag), and the
 * exact gain the server gave a stem, found again by the server's own meter.
 */
final class WavData {

    private static final int BLOCK = 48_000;

    private WavData() {
    }

    /** Where a file's samples are: the {@code data} chunk's offset and length in bytes. */
    private record Chunk(long offset, long size) {
    }

    /**
     * How far two 24-bit files' samples lie apart: how many there are (equal counts or not), how many
     * differ, and the largest difference in steps of 2^-23 of full scale.
     */
    record Difference(long samples, long otherSamples, long differing, long maxSteps) {

        boolean identical() {
            return samples == otherSamples && differing == 0;
        }

        String describe() {
            if (samples != otherSamples) {
                return "lengths differ (" + samples + " vs " + otherSamples + " samples)";
            }
            return identical() ? "bit-identical (" + samples + " samples)" : String.format(Locale.ROOT,
                    "%d of %d samples differ, by at most %d LSB = %.1f dBFS", differing, samples, maxSteps,
                    20 * Math.log10(maxSteps / 8388608.0));
        }
    }

    static Difference compare24(Path a, Path b) throws IOException {
        try (FileChannel ca = FileChannel.open(a, StandardOpenOption.READ);
             FileChannel cb = FileChannel.open(b, StandardOpenOption.READ)) {
            Chunk da = data(ca);
            Chunk db = data(cb);
            long n = Math.min(da.size(), db.size()) / 3;
            ByteBuffer ba = ByteBuffer.allocate(3 * BLOCK);
            ByteBuffer bb = ByteBuffer.allocate(3 * BLOCK);
            long differing = 0;
            long maxSteps = 0;
            for (long at = 0; at < n; at += BLOCK) {
                int count = (int) Math.min(BLOCK, n - at);
                read(ca, da.offset() + 3 * at, ba, 3 * count);
                read(cb, db.offset() + 3 * at, bb, 3 * count);
                for (int i = 0; i < count; i++) {
                    int d = Math.abs(s24(ba, 3 * i) - s24(bb, 3 * i));
                    if (d != 0) {
                        differing++;
                        maxSteps = Math.max(maxSteps, d);
                    }
                }
            }
            return new Difference(da.size() / 3, db.size() / 3, differing, maxSteps);
        }
    }

    /**
     * The gain, in dB, the server's MIX gave a language's dialogue (DialogueLevelling with a FIXED target):
     * its meter over the cues on the unlevelled float stem (the script's, when the two render the same
     * samples), and on the ducked bed, and the level the bed leaves to the dialogue under the target.
     */
    static double serverGainDb(Path unlevelledFloatStem, Path source, List<Span> dubSpans, List<Span> cues,
                               Duration length, double targetLufs) throws IOException, MixException {
        LoudnessAnalyzer before = new LoudnessAnalyzer(48_000, new double[]{1.0}, cues, false);
        try (FileChannel c = FileChannel.open(unlevelledFloatStem, StandardOpenOption.READ)) {
            Chunk d = data(c);
            long n = d.size() / 4;
            ByteBuffer bytes = ByteBuffer.allocate(4 * BLOCK);
            float[] block = new float[BLOCK];
            for (long at = 0; at < n; at += BLOCK) {
                int count = (int) Math.min(BLOCK, n - at);
                read(c, d.offset() + 4 * at, bytes, 4 * count);
                bytes.asFloatBuffer().get(block, 0, count);
                before.accept(block, count);
            }
        }
        double stem = gated(before.finish());
        double bed = ProgrammeMix.bedLoudness(Optional.empty(), source, dubSpans, length, cues);
        double aim = targetLufs;
        // DialogueLevelling.besideTheBed: within 1 LU of the target the bed leaves no room, and the dialogue goes at it
        if (Double.isFinite(bed) && bed <= targetLufs - 1.0) {
            aim = 10 * Math.log10(Math.pow(10, targetLufs / 10) - Math.pow(10, bed / 10));
        }
        return Double.isFinite(stem) ? aim - stem : 0.0;
    }

    /** The float the stem's samples are multiplied by, as DialogueLevelling makes it from the gain in dB. */
    static float linear(double gainDb) {
        return gainDb == 0.0 ? 1f : (float) Math.pow(10, gainDb / 20);
    }

    private static double gated(Loudness l) {
        return l.dialogueGated().map(Loudness.Gated::integratedLufs).orElse(Double.NEGATIVE_INFINITY);
    }

    private static Chunk data(FileChannel c) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        read(c, 0, header, 12);
        long at = 12;
        ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (at + 8 <= c.size()) {
            read(c, at, chunk, 8);
            String id = new String(chunk.array(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(chunk.getInt(4));
            if (id.equals("data")) {
                return new Chunk(at + 8, Math.min(size, c.size() - at - 8));
            }
            at += 8 + size + (size & 1);
        }
        throw new IOException("no data chunk");
    }

    /** Reads exactly {@code n} bytes at {@code position} into {@code into}, from its start, little-endian. */
    private static void read(FileChannel c, long position, ByteBuffer into, int n) throws IOException {
        into.clear().limit(n);
        into.order(ByteOrder.LITTLE_ENDIAN);
        while (into.hasRemaining()) {
            if (c.read(into, position + into.position()) < 0) {
                throw new IOException("the file ends early");
            }
        }
        into.flip();
    }

    private static int s24(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | b.get(at + 2) << 16;
    }
}
