package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.global.avutil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A language's dialogue stem: every line placed at its start sample, mono, 48 kHz, 24-bit PCM WAV.
 * Lines are decoded one at a time ({@link LineDecoder}) and the output is written as it goes, so
 * memory holds one line and a short mix window, whatever the programme's length. Overlapping lines
 * add up. The stretches between lines with no bed under them go out as silence, not as blocks of
 * zeros to convert.
 */
public final class DialogueStem {

    public static final int RATE = 48_000;
    private static final int CHUNK = RATE; // write in one-second blocks

    /** One line: its audio file, where it starts, and the tempo time-fit chose (1.0 = unchanged). */
    public record Line(Path audio, Duration start, double tempo) {
    }

    /**
     * Audio laid in from the programme's start as it is, streamed: a HUMAN dub-actor stem (whole),
     * or original dialogue kept for ORIGINAL characters (only during their cues, with 10 ms fades).
     *
     * @param centreChannel take only the centre channel (original dialogue of a 5.1 mix), else a mono down-mix
     * @param during        the spans to keep, or empty for the whole file
     */
    public record Bed(Path audio, boolean centreChannel, Optional<List<Span>> during) {

        public static Bed whole(Path audio) {
            return new Bed(audio, false, Optional.empty());
        }
    }

    static final Duration BED_FADE = Duration.ofMillis(10);

    private DialogueStem() {
    }

    /** Renders {@code lines} into {@code out}, which lasts exactly {@code length}. */
    public static void render(List<Line> lines, Duration length, Path out) throws MixException {
        render(lines, List.of(), length, out);
    }

    /** Renders {@code lines} over {@code beds} into {@code out}, which lasts exactly {@code length}. */
    public static void render(List<Line> lines, List<Bed> beds, Duration length, Path out) throws MixException {
        render(lines, beds, length, Optional.empty(), out, BlockSink.NONE);
    }

    /**
     * {@link #render(List, List, Duration, Path)}, the file saying what it is when a disclosure is given,
     * and every block as written handed on to {@code then} too (the full mix).
     */
    static FileDigest render(List<Line> lines, List<Bed> beds, Duration length, Optional<Disclosure> disclosure,
                             Path out, BlockSink then) throws MixException {
        try (WavOut wav = new WavOut(out, 1, samples(length), Disclosure.tagsOf(disclosure))) {
            render(lines, beds, length, new BlockSink() {
                @Override
                public void accept(float[] block, int n) throws MixException {
                    for (int i = 0; i < n; i++) {
                        block[i] = Math.max(-1f, Math.min(1f, block[i])); // overlapping lines clip rather than wrap
                    }
                    wav.write(block, n);
                    then.accept(block, n);
                }

                @Override
                public void silence(int n) throws MixException {
                    wav.silence(n);
                    then.silence(n);
                }
            });
            return wav.finish();
        }
    }

    /** Where the rendered stem goes, one block at a time, in order, exactly {@code length} in all. */
    interface BlockSink {

        /** A sink that takes everything and keeps nothing. */
        BlockSink NONE = new BlockSink() {
            @Override
            public void accept(float[] block, int n) {
            }

            @Override
            public void silence(int n) {
            }
        };

        /** Takes the next {@code n} samples of {@code block}; it may change them, which the stem no longer reads. */
        void accept(float[] block, int n) throws MixException;

        /**
         * Takes the next {@code n} samples, all digital silence: what {@link #accept} would be given as
         * zeros, the same {@code n}, so that a sink doing the same as for a block of zeros changes nothing,
         * only doing it faster.
         */
        void silence(int n) throws MixException;
    }

    /** Renders {@code lines} over {@code beds} into {@code sink}, unclipped: exactly {@code length} of samples. */
    static void render(List<Line> lines, List<Bed> beds, Duration length, BlockSink sink) throws MixException {
        long total = samples(length);
        List<Line> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparing(Line::start));
        List<BedReader> readers = new ArrayList<>();
        try (LineDecoder decoder = new LineDecoder()) {
            for (Bed bed : beds) {
                readers.add(new BedReader(bed));
            }
            Timeline timeline = new Timeline(sink, readers);
            for (Line line : ordered) {
                long at = samples(line.start());
                if (at >= total) {
                    continue;
                }
                timeline.writeUntil(at); // everything before this line's start is final
                timeline.add(decoder.decode(line));
            }
            timeline.writeUntil(total);
        } finally {
            readers.forEach(BedReader::close);
        }
    }

    /** A bed being read block by block, gated to its spans. */
    private static final class BedReader implements AutoCloseable {
        private final PcmReader reader;
        private final Optional<SpanCursor> gate;
        private float[] buffer = new float[0];

        BedReader(Bed bed) throws MixException {
            reader = new PcmReader(bed.audio(), bed.centreChannel() ? Optional.of("pan=mono|c0=FC") : Optional.empty(),
                    "mono", 1);
            gate = bed.during().map(spans -> new SpanCursor(spans, samples(BED_FADE)));
        }

        /** Adds the bed's next {@code n} samples to {@code block}; they start at sample {@code from}. */
        void addTo(float[] block, int n, long from) throws MixException {
            if (buffer.length < n) {
                buffer = new float[n];
            }
            reader.read(buffer, n);
            for (int i = 0; i < n; i++) {
                float g = gate.isPresent() ? gate.get().at(from + i) : 1f;
                block[i] += buffer[i] * g;
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /**
     * Samples written so far, and the mixed samples from there on that are not final yet. Time goes out
     * in blocks of at most a second from each line's start; a block with no line and no bed in it is
     * handed on as silence.
     */
    private static final class Timeline {
        private final BlockSink sink;
        private final List<BedReader> beds;
        private final float[] block = new float[CHUNK];
        private long cursor;
        /** The lines mixed so far, from the cursor on: {@code pending[head .. head + pendingLength)}. */
        private float[] pending = new float[0];
        private int head;
        private int pendingLength;

        Timeline(BlockSink sink, List<BedReader> beds) {
            this.sink = sink;
            this.beds = beds;
        }

        void writeUntil(long target) throws MixException {
            while (cursor < target) {
                int n = (int) Math.min(CHUNK, target - cursor);
                if (pendingLength == 0 && beds.isEmpty()) {
                    sink.silence(n);
                } else {
                    int lines = Math.min(n, pendingLength);
                    System.arraycopy(pending, head, block, 0, lines);
                    java.util.Arrays.fill(block, lines, n, 0f);
                    for (BedReader bed : beds) {
                        bed.addTo(block, n, cursor);
                    }
                    sink.accept(block, n);
                    head += lines;
                    pendingLength -= lines;
                }
                cursor += n;
            }
        }

        /** Mixes a line in at the cursor. */
        void add(float[] samples) {
            if (pendingLength < samples.length) {
                if (head + samples.length > pending.length) {
                    // move what is pending to the front, in an array with room for the line
                    float[] room = pending.length >= samples.length ? pending
                            : new float[Math.max(samples.length, 2 * pending.length)];
                    System.arraycopy(pending, head, room, 0, pendingLength);
                    pending = room;
                    head = 0;
                }
                java.util.Arrays.fill(pending, head + pendingLength, head + samples.length, 0f);
                pendingLength = samples.length;
            }
            for (int i = 0; i < samples.length; i++) {
                pending[head + i] += samples[i];
            }
        }
    }

    static long samples(Duration d) {
        return Math.round(d.toNanos() * (double) RATE / 1_000_000_000L);
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }
}
