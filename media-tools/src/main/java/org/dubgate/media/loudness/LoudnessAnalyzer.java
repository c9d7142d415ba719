package org.dubgate.media.loudness;

import org.dubgate.media.mix.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The streaming meter behind {@link LoudnessMeter}, for samples that come from anywhere: feed
 * interleaved float frames in order with {@link #accept}, then call {@link #finish} once. Memory is
 * one double per 100 ms of programme (twice with spans to gate on) plus one block of work space.
 */
public final class LoudnessAnalyzer {

    private final int sampleRate;
    private final int channels;
    private final double[] weights;
    private final KWeighting kWeighting;
    /** Empty when only levels are wanted: the 4x oversampling is most of the meter's work. */
    private final Optional<TruePeak> peaks;
    private final BlockEnergies programme;
    private final Optional<BlockEnergies> gated;
    private final int spansGiven;
    /** The spans merged and in sample positions, [start, end), in order. */
    private final long[] spanStart;
    private final long[] spanEnd;
    private int nextSpan;
    private long position;
    private double[] energy = new double[0];
    private boolean finished;

    /**
     * @param channelWeights the BS.1770-4 weight of each channel, in the order of the interleaved
     *                       samples: 1.0 for front channels, 1.41 for surrounds, 0 for LFE
     *                       (what {@link LoudnessMeter} derives from the file's channel layout)
     * @param gateOn         spans of programme time to measure the dialogue-gated loudness over; empty for none
     */
    public LoudnessAnalyzer(int sampleRate, double[] channelWeights, List<Span> gateOn) {
        this(sampleRate, channelWeights, gateOn, true);
    }

    /**
     * @param truePeak whether to measure peaks too; without, the true and sample peaks are NaN and the
     *                 meter runs about three times as fast (a level over cues is all that is wanted)
     */
    public LoudnessAnalyzer(int sampleRate, double[] channelWeights, List<Span> gateOn, boolean truePeak) {
        if (sampleRate <= 0 || channelWeights.length == 0) {
            throw new IllegalArgumentException("need a positive sample rate and at least one channel");
        }
        for (double w : channelWeights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("channel weights must be finite and >= 0: "
                        + Arrays.toString(channelWeights));
            }
        }
        this.sampleRate = sampleRate;
        this.channels = channelWeights.length;
        this.weights = channelWeights.clone();
        this.kWeighting = new KWeighting(sampleRate, channels);
        this.peaks = truePeak ? Optional.of(new TruePeak(channels)) : Optional.empty();
        this.programme = new BlockEnergies(sampleRate);
        this.spansGiven = gateOn.size();
        this.gated = gateOn.isEmpty() ? Optional.empty() : Optional.of(new BlockEnergies(sampleRate));
        List<long[]> merged = merge(gateOn, sampleRate);
        this.spanStart = merged.stream().mapToLong(s -> s[0]).toArray();
        this.spanEnd = merged.stream().mapToLong(s -> s[1]).toArray();
    }

    /** Overlapping or touching spans become one, so no audio is counted twice. */
    private static List<long[]> merge(List<Span> spans, int rate) {
        List<long[]> samples = new ArrayList<>();
        for (Span s : spans) {
            long start = Math.round(s.start().toNanos() * (rate / 1e9));
            long end = Math.round(s.end().toNanos() * (rate / 1e9));
            if (end > start) {
                samples.add(new long[]{Math.max(0, start), end});
            }
        }
        samples.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : samples) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /** Measures the next {@code frames} frames of {@code interleaved} ({@code frames × channels} samples). */
    public void accept(float[] interleaved, int frames) {
        if (finished) {
            throw new IllegalStateException("the analyzer has finished");
        }
        if (frames < 0 || (long) frames * channels > interleaved.length) {
            throw new IllegalArgumentException(frames + " frames of " + channels + " channels do not fit in "
                    + interleaved.length + " samples");
        }
        if (energy.length < frames) {
            energy = new double[frames];
        }
        kWeighting.weightedEnergy(interleaved, frames, channels, weights, energy);
        programme.add(energy, 0, frames);
        gated.ifPresent(g -> gate(g, frames));
        peaks.ifPresent(p -> p.accept(interleaved, frames));
        position += frames;
    }

    /** Passes on the part of this block that falls inside the spans. */
    private void gate(BlockEnergies g, int frames) {
        long end = position + frames;
        while (nextSpan < spanStart.length && spanStart[nextSpan] < end) {
            long from = Math.max(spanStart[nextSpan], position);
            long to = Math.min(spanEnd[nextSpan], end);
            if (to > from) {
                g.add(energy, (int) (from - position), (int) (to - position));
            }
            if (spanEnd[nextSpan] > end) {
                break; // the span goes on into the next block
            }
            nextSpan++;
        }
    }

    /** The measurement of everything accepted; the analyzer takes no more samples after this. */
    public Loudness finish() {
        if (!finished) {
            peaks.ifPresent(TruePeak::finish);
            finished = true;
        }
        return new Loudness(programme.integrated(), programme.maximum(BlockEnergies.MOMENTARY_BLOCKS),
                programme.maximum(BlockEnergies.SHORT_TERM_BLOCKS), programme.loudnessRange(),
                peaks.map(p -> decibels(p.truePeak())).orElse(Double.NaN),
                peaks.map(p -> decibels(p.samplePeak())).orElse(Double.NaN), position / (double) sampleRate,
                sampleRate, channels, gated.map(g -> new Loudness.Gated(spansGiven,
                        g.samples() / (double) sampleRate, g.integrated())));
    }

    /** The true peak as BS.1770-4 Annex 2 defines it, without the sample-peak floor (tests compare it). */
    double interpolatedPeakDbtp() {
        return decibels(peaks.orElseThrow().interpolatedPeak());
    }

    private static double decibels(double linear) {
        return 20.0 * Math.log10(linear);
    }
}
