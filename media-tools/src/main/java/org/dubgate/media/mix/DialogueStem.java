package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language's dialogue stem: every line placed at its start sample, mono, 48 kHz, 24-bit PCM WAV.
 * Lines are decoded one at a time and the output is written as it goes, so memory holds one line
 * and a short mix window, whatever the programme's length. Overlapping lines add up.
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
        render(lines, beds, length, Optional.empty(), out);
    }

    /** {@link #render(List, List, Duration, Path)}, the file saying what it is when a disclosure is given. */
    static void render(List<Line> lines, List<Bed> beds, Duration length, Optional<Disclosure> disclosure, Path out)
            throws MixException {
        try (WavOut wav = new WavOut(out, 1, WavOut.Encoding.PCM_24, Disclosure.tagsOf(disclosure))) {
            render(lines, beds, length, block -> {
                for (int i = 0; i < block.length; i++) {
                    block[i] = Math.max(-1f, Math.min(1f, block[i])); // overlapping lines clip rather than wrap
                }
                wav.write(block, block.length);
            });
            wav.finish();
        }
    }

    /** Where the rendered stem goes, one block at a time, in order, exactly {@code length} in all. */
    @FunctionalInterface
    interface BlockSink {
        /** Takes the next block; it may change it, which the stem no longer reads. */
        void accept(float[] block) throws MixException;
    }

    /** Renders {@code lines} over {@code beds} into {@code sink}, unclipped: exactly {@code length} of samples. */
    static void render(List<Line> lines, List<Bed> beds, Duration length, BlockSink sink) throws MixException {
        long total = samples(length);
        List<Line> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparing(Line::start));
        List<BedReader> readers = new ArrayList<>();
        try {
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
                timeline.add(decode(line));
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

        /** Adds the bed's next {@code block.length} samples, which start at sample {@code from}. */
        void addTo(float[] block, long from) throws MixException {
            if (buffer.length < block.length) {
                buffer = new float[block.length];
            }
            reader.read(buffer, block.length);
            for (int i = 0; i < block.length; i++) {
                float g = gate.isPresent() ? gate.get().at(from + i) : 1f;
                block[i] += buffer[i] * g;
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** Samples written so far, and the mixed samples from there on that are not final yet. */
    private static final class Timeline {
        private final BlockSink sink;
        private final List<BedReader> beds;
        private long cursor;
        private float[] pending = new float[0];

        Timeline(BlockSink sink, List<BedReader> beds) {
            this.sink = sink;
            this.beds = beds;
        }

        void writeUntil(long target) throws MixException {
            while (cursor < target) {
                int n = (int) Math.min(CHUNK, target - cursor);
                float[] block = new float[n];
                System.arraycopy(pending, 0, block, 0, Math.min(n, pending.length));
                for (BedReader bed : beds) {
                    bed.addTo(block, cursor);
                }
                sink.accept(block);
                pending = pending.length > n ? java.util.Arrays.copyOfRange(pending, n, pending.length) : new float[0];
                cursor += n;
            }
        }

        /** Mixes a line in at the cursor. */
        void add(float[] samples) {
            if (pending.length < samples.length) {
                pending = java.util.Arrays.copyOf(pending, samples.length);
            }
            for (int i = 0; i < samples.length; i++) {
                pending[i] += samples[i];
            }
        }
    }

    static long samples(Duration d) {
        return Math.round(d.toNanos() * (double) RATE / 1_000_000_000L);
    }

    /** One line as mono float samples at 48 kHz, tempo applied by FFmpeg's pitch-preserving atempo. */
    static float[] decode(Line line) throws MixException {
        String chain = (Math.abs(line.tempo() - 1.0) > 1e-6
                ? String.format(Locale.ROOT, "atempo=%.6f,", line.tempo()) : "")
                + "aresample=" + RATE + ",aformat=sample_fmts=flt:channel_layouts=mono";
        FloatCollector collected = new FloatCollector();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(line.audio().toFile())) {
            grabber.start();
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter(chain, grabber.getAudioChannels())) {
                filter.setSampleRate(grabber.getSampleRate());
                filter.setSampleFormat(grabber.getSampleFormat());
                filter.start();
                Frame frame;
                while ((frame = grabber.grabSamples()) != null) {
                    filter.push(frame);
                    drain(filter, collected);
                }
                filter.push(null);
                drain(filter, collected);
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new MixException("cannot read line " + line.audio().getFileName() + ": " + e.getMessage(), e);
        }
        return collected.toArray();
    }

    private static void drain(FFmpegFrameFilter filter, FloatCollector into) throws FrameFilter.Exception {
        Frame out;
        while ((out = filter.pullSamples()) != null) {
            FloatBuffer b = (FloatBuffer) out.samples[0];
            into.add(b);
        }
    }

    /** A growable float array. */
    private static final class FloatCollector {
        private float[] data = new float[RATE];
        private int size;

        void add(FloatBuffer b) {
            int n = b.remaining();
            if (size + n > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            b.get(data, size, n);
            size += n;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }
}
