package org.dubgate.media.avsync;

/**
 * The best lag of a correlation curve, how well picture and sound agree there, and how clearly it wins.
 *
 * <p>Why confidence is the peak correlation itself and the runner-up is kept apart: on GRID the peak
 * correlation was higher for a picture's own sound than for every other clip's sound in all 9 pictures tried
 * (six 3 s clips, three 6 s pairs) and in the 18 s reel (0.49 against 0.16). Peak minus runner-up did not:
 * real speech has a syllable rhythm (3 to 5 Hz), so the true pairing often has a second lobe a syllable away
 * almost as high as its peak (0.44 and 0.34), while a stranger's sound peaks low but alone. Which lag wins is
 * told by {@link #distinctness()}, whether this sound belongs to this picture by {@link #confidence()}. Both
 * firm up with length: unrelated GRID sound reached 0.16..0.21 over 18 s, 0.26..0.41 over 6 s, up to 0.61
 * over 3 s, so compare confidences over the same length, or demand more over a short one.
 *
 * @param offsetMs     the lag of the highest correlation: positive = audio late (see the package doc)
 * @param correlation  the normalised cross-correlation at that lag, -1..1
 * @param runnerUp     the highest other local peak at least two frame periods (and 80 ms) away; 0 when none
 * @param distinctness 0..1: {@code 1 - runnerUp / correlation}; near 0 when another lag (often a syllable
 *                     off) explains the sound almost as well
 * @param atLimit      the best lag is the end of the searched range: the offset may lie beyond it
 * @param confidence   0..1: the peak correlation, 0 if negative
 */
public record SyncPeak(int offsetMs, double correlation, double runnerUp, double distinctness, boolean atLimit,
                       double confidence) {

    /** The peak of {@code curve}, whose index i is the lag {@code i - maxLagMs}; NaN entries are lags not measured. */
    static SyncPeak of(double[] curve, int maxLagMs, int exclusionMs) {
        int best = -1;
        for (int i = 0; i < curve.length; i++) {
            if (!Double.isNaN(curve[i]) && (best < 0 || curve[i] > curve[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        double runnerUp = 0;
        for (int i = 1; i + 1 < curve.length; i++) {
            boolean peak = curve[i] >= curve[i - 1] && curve[i] >= curve[i + 1]; // false next to a NaN
            if (peak && Math.abs(i - best) >= exclusionMs) {
                runnerUp = Math.max(runnerUp, curve[i]);
            }
        }
        boolean atLimit = best == 0 || best == curve.length - 1 || Double.isNaN(curve[best - 1])
                || Double.isNaN(curve[best + 1]);
        double r = curve[best];
        double distinctness = r > 0 ? Math.max(0, Math.min(1, 1 - runnerUp / r)) : 0;
        return new SyncPeak(best - maxLagMs, r, runnerUp, distinctness, atLimit, Math.max(0, Math.min(1, r)));
    }
}
