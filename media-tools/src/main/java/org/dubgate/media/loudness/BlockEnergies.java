package org.dubgate.media.loudness;

import java.util.Arrays;

/**
 * The channel-weighted, K-weighted mean square of each 100 ms block of a programme, and the
 * BS.1770-4 / Tech 3341 / Tech 3342 measures derived from them. 100 ms is the common step of every
 * window: a momentary or gating block is 4 consecutive blocks (400 ms, 75 % overlap), a short-term
 * window 30 (3 s, a new value every 100 ms, the ≥ 10 Hz Tech 3342 asks for). So a two-hour programme
 * is 72,000 doubles, whatever its rate or channel count.
 *
 * <p>Block k covers samples [⌊k·rate/10⌋, ⌊(k+1)·rate/10⌋) of what was added; a last, partial block
 * is not counted (BS.1770 only gates complete blocks).
 */
final class BlockEnergies {

    /** BS.1770-4: loudness = −0.691 + 10·log10(weighted mean square). */
    static final double OFFSET = -0.691;
    static final double ABSOLUTE_GATE_LUFS = -70.0;
    static final double RELATIVE_GATE_LU = -10.0;
    static final double LRA_RELATIVE_GATE_LU = -20.0;
    static final int MOMENTARY_BLOCKS = 4;
    static final int SHORT_TERM_BLOCKS = 30;

    private final int sampleRate;
    private double[] blocks = new double[1024];
    private int count;
    private double sum;
    private long added;
    private long blockStart;
    private long blockEnd;

    BlockEnergies(int sampleRate) {
        this.sampleRate = sampleRate;
        this.blockEnd = boundary(1);
    }

    private long boundary(long k) {
        return k * sampleRate / 10;
    }

    /** Adds the per-sample energies {@code energy[from..to)}. */
    void add(double[] energy, int from, int to) {
        int i = from;
        while (i < to) {
            // up to the end of the block, in one plain loop: the same additions in the same order
            // below 10 Hz a block can be empty: as before, it then never closes
            int stop = blockEnd > added ? (int) Math.min(to, i + (blockEnd - added)) : to;
            double s = sum;
            for (int j = i; j < stop; j++) {
                s += energy[j];
            }
            sum = s;
            added += stop - i;
            i = stop;
            if (added == blockEnd) {
                if (count == blocks.length) {
                    blocks = Arrays.copyOf(blocks, count * 2);
                }
                blocks[count++] = sum / (blockEnd - blockStart);
                sum = 0;
                blockStart = blockEnd;
                blockEnd = boundary(count + 1);
            }
        }
    }

    /** Samples added so far. */
    long samples() {
        return added;
    }

    static double lufs(double meanSquare) {
        return OFFSET + 10.0 * Math.log10(meanSquare);
    }

    private double window(int first, int length) {
        double s = 0;
        for (int i = first; i < first + length; i++) {
            s += blocks[i];
        }
        return s / length;
    }

    /** Gated integrated loudness (BS.1770-4 §2.7); −∞ when no block passes the gates or none is complete. */
    double integrated() {
        int n = count - MOMENTARY_BLOCKS + 1;
        double absSum = 0;
        int absCount = 0;
        for (int j = 0; j < n; j++) {
            double e = window(j, MOMENTARY_BLOCKS);
            if (lufs(e) > ABSOLUTE_GATE_LUFS) {
                absSum += e;
                absCount++;
            }
        }
        if (absCount == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = lufs(absSum / absCount) + RELATIVE_GATE_LU;
        double relSum = 0;
        int relCount = 0;
        for (int j = 0; j < n; j++) {
            double e = window(j, MOMENTARY_BLOCKS);
            double l = lufs(e);
            if (l > ABSOLUTE_GATE_LUFS && l > relativeGate) {
                relSum += e;
                relCount++;
            }
        }
        return relCount == 0 ? Double.NEGATIVE_INFINITY : lufs(relSum / relCount);
    }

    /** The loudest window of {@code length} blocks; NaN when the programme is shorter than one. */
    double maximum(int length) {
        double max = Double.NaN;
        for (int j = 0; j + length <= count; j++) {
            double l = lufs(window(j, length));
            max = Double.isNaN(max) ? l : Math.max(max, l);
        }
        return max;
    }

    /**
     * Loudness range after EBU Tech 3342: the short-term values (3 s, every 100 ms) above −70 LUFS
     * and above their own energy mean −20 LU; the spread between their 10th and 95th percentiles.
     * NaN when no short-term value passes the gates (silence, or under 3 s).
     */
    double loudnessRange() {
        int n = Math.max(0, count - SHORT_TERM_BLOCKS + 1);
        double[] values = new double[n];
        int kept = 0;
        double energySum = 0;
        for (int j = 0; j < n; j++) {
            double e = window(j, SHORT_TERM_BLOCKS);
            double l = lufs(e);
            if (l > ABSOLUTE_GATE_LUFS) {
                values[kept++] = l;
                energySum += e;
            }
        }
        if (kept == 0) {
            return Double.NaN;
        }
        double gate = lufs(energySum / kept) + LRA_RELATIVE_GATE_LU;
        int gated = 0;
        for (int j = 0; j < kept; j++) {
            if (values[j] > gate) {
                values[gated++] = values[j];
            }
        }
        Arrays.sort(values, 0, gated);
        // nearest-rank percentiles of the sorted values (as libebur128 takes them)
        double low = values[(int) Math.round((gated - 1) * 0.10)];
        double high = values[(int) Math.round((gated - 1) * 0.95)];
        return high - low;
    }
}
