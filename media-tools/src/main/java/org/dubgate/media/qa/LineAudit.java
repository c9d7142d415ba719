package org.dubgate.media.qa;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one synthesized line's audio file in a single streaming pass (a PCM WAV with the JDK's
 * reader, anything else with FFmpeg through JavaCV; at the file's own rate, constant memory): length, peak, RMS and active level, clipped runs, silence
 * and dropouts. Multi-channel files are measured on the loudest channel at each instant, so a clip or
 * dropout in one channel is not averaged away.
 */
public final class LineAudit {

    /**
     * How the audit measures (not what passes: the server's thresholds decide that).
     *
     * @param clipRunSamples consecutive full-scale samples that make a clipped run
     * @param clipMarginDb how far below full scale a sample still counts as clipped
     * @param silenceFloorDbfs a line whose peak is below this is silent
     * @param digitalSilenceDbfs a sample below this is digital silence (−90 dBFS: zero or ±1 LSB at 16 bits)
     * @param minDropout the shortest gap of digital silence that can be a dropout
     * @param dropoutEdge how much signal is measured on each side of a gap
     * @param dropoutEdgeBelowActiveDb both edges must be at most this far below the line's active level
     * @param dropoutEdgeFloorDbfs and at least this loud, so a whisper-quiet line reports none
     * @param activeGateDbfs 10 ms blocks above this count toward the active level
     */
    public record Settings(int clipRunSamples, double clipMarginDb, double silenceFloorDbfs,
                           double digitalSilenceDbfs, Duration minDropout, Duration dropoutEdge,
                           double dropoutEdgeBelowActiveDb, double dropoutEdgeFloorDbfs, double activeGateDbfs) {

        public static final Settings DEFAULT = new Settings(3, 0.01, -60, -90, Duration.ofMillis(20),
                Duration.ofMillis(2), 8, -40, -50);

        public Settings {
            if (clipRunSamples < 1) {
                throw new IllegalArgumentException("a clipped run is at least 1 sample, was " + clipRunSamples);
            }
            if (clipMarginDb < 0 || dropoutEdgeBelowActiveDb < 0) {
                throw new IllegalArgumentException("margins are dB below a level: not negative");
            }
            if (minDropout.isNegative() || minDropout.isZero() || dropoutEdge.isNegative() || dropoutEdge.isZero()) {
                throw new IllegalArgumentException("dropout length and edge must be positive");
            }
        }

        /** These settings with another clipped-run length. */
        public Settings withClipRunSamples(int samples) {
            return new Settings(samples, clipMarginDb, silenceFloorDbfs, digitalSilenceDbfs, minDropout,
                    dropoutEdge, dropoutEdgeBelowActiveDb, dropoutEdgeFloorDbfs, activeGateDbfs);
        }
    }

    private final Settings settings;

    public LineAudit() {
        this(Settings.DEFAULT);
    }

    public LineAudit(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Reads the whole file once and returns its figures. */
    public LineFigures audit(Path audio) throws QaException {
        return read(audio, null);
    }

    private static AudioBlocks open(Path audio) throws QaException {
        java.util.Optional<AudioBlocks> wav = WavBlocks.open(audio);
        return wav.isPresent() ? wav.get() : new SampleStream(audio, "", "");
    }

    /** Something else fed the same decoded samples as the audit, so one decode serves both (the loudness meter). */
    public interface Tap {
        void accept(float[] interleaved, int frames);
    }

    /** Reads the whole file once, feeding its samples also to the tap made for the file's rate and channels. */
    public LineFigures audit(Path audio, java.util.function.BiFunction<Integer, Integer, Tap> tapFor) throws QaException {
        return read(audio, tapFor);
    }

    /** The one pass; the tap, if any ({@code tapFor} may be null), is handed each block as the audit reads it. */
    private LineFigures read(Path audio, java.util.function.BiFunction<Integer, Integer, Tap> tapFor) throws QaException {
        // a PCM WAV (what engines and MIX write) through the JDK, anything else through FFmpeg
        try (AudioBlocks in = open(audio)) {
            Pass pass = new Pass(settings, in.sourceRate());
            int channels = in.sourceChannels();
            Tap tap = tapFor == null ? null : tapFor.apply(in.sourceRate(), channels);
            float[] copy = new float[0];
            FloatBuffer block;
            while ((block = in.next()) != null) {
                int frames = block.remaining() / channels;
                if (copy.length < frames * channels) {
                    copy = new float[frames * channels];
                }
                block.get(copy, 0, frames * channels);
                if (tap != null) {
                    tap.accept(copy, frames);
                }
                for (int i = 0, at = 0; i < frames; i++) {
                    float loudest = 0;
                    for (int c = 0; c < channels; c++, at++) {
                        float s = copy[at];
                        if (Math.abs(s) > Math.abs(loudest)) {
                            loudest = s;
                        }
                    }
                    pass.accept(loudest);
                }
            }
            return pass.figures(channels);
        }
    }

    /** The running state of one audit. */
    private static final class Pass {

        private final Settings settings;
        private final int rate;
        private final double clipLevel;
        private final int blockSize;
        private final GapTracker gaps;

        private long frames;
        private double peak;
        private double sumSquares;

        private double blockSum;
        private int blockCount;
        private double activeSum;
        private long activeCount;

        private int clipSign;
        private int clipRun;
        private int clippedRuns;
        private int longestClip;

        Pass(Settings settings, int rate) {
            this.settings = settings;
            this.rate = rate;
            this.clipLevel = amplitude(-settings.clipMarginDb());
            this.blockSize = Math.max(1, rate / 100);
            this.gaps = new GapTracker(amplitude(settings.digitalSilenceDbfs()),
                    Math.max(1, samples(settings.minDropout())), (int) samples(settings.dropoutEdge()));
        }

        void accept(float v) {
            frames++;
            double a = Math.abs(v);
            peak = Math.max(peak, a);
            double sq = (double) v * v;
            sumSquares += sq;
            blockSum += sq;
            if (++blockCount == blockSize) {
                closeBlock();
            }
            int sign = a >= clipLevel ? (v > 0 ? 1 : -1) : 0;
            if (sign != 0 && sign == clipSign) {
                clipRun++;
            } else {
                closeClipRun();
                clipSign = sign;
                clipRun = sign == 0 ? 0 : 1;
            }
            gaps.accept(v);
        }

        LineFigures figures(int channels) {
            if (blockCount > 0) {
                closeBlock();
            }
            closeClipRun();
            double active = activeCount == 0 ? Double.NEGATIVE_INFINITY : powerDb(activeSum / activeCount);
            double edgeLevel = Math.max(active - settings.dropoutEdgeBelowActiveDb(), settings.dropoutEdgeFloorDbfs());
            List<Dropout> dropouts = new ArrayList<>();
            for (GapTracker.Gap g : gaps.end()) {
                double before = powerDb(g.before());
                double after = powerDb(g.after());
                if (before >= edgeLevel && after >= edgeLevel) {
                    dropouts.add(new Dropout((double) g.start() / rate, (double) g.length() / rate, before, after));
                }
            }
            double peakDb = amplitudeDb(peak);
            return new LineFigures(rate == 0 ? 0 : (double) frames / rate, rate, channels, frames, peakDb,
                    frames == 0 ? Double.NEGATIVE_INFINITY : powerDb(sumSquares / frames), active,
                    clippedRuns, longestClip, frames == 0 || peakDb < settings.silenceFloorDbfs(), frames == 0,
                    dropouts);
        }

        private void closeBlock() {
            if (powerDb(blockSum / blockCount) >= settings.activeGateDbfs()) {
                activeSum += blockSum;
                activeCount += blockCount;
            }
            blockSum = 0;
            blockCount = 0;
        }

        private void closeClipRun() {
            if (clipRun >= settings.clipRunSamples()) {
                clippedRuns++;
                longestClip = Math.max(longestClip, clipRun);
            }
        }

        private long samples(Duration d) {
            return Math.round(d.toNanos() * 1e-9 * rate);
        }
    }

    private static double amplitude(double dbfs) {
        return Math.pow(10, dbfs / 20);
    }

    private static double amplitudeDb(double amplitude) {
        return amplitude <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(amplitude);
    }

    private static double powerDb(double meanSquare) {
        return meanSquare <= 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(meanSquare);
    }
}
