package org.dubgate.media.avsync;

/**
 * How the scorer searches and tracks.
 *
 * @param maxLagMs       offsets searched, from -maxLagMs to +maxLagMs at 1 ms steps
 * @param redetectEvery  frames between face detections while a face is tracked (the box is held and smoothed
 *                       in between); half as many while none is
 * @param cutThreshold   mean absolute difference (grey levels, 0..255) of two consecutive 64x48 thumbnails
 *                       above which a new shot starts
 * @param minShotSeconds a shot needs this much picture with a face to get its own offset
 */
public record AvSyncSettings(int maxLagMs, int redetectEvery, double cutThreshold, double minShotSeconds) {

    /**
     * ±500 ms covers every offset a viewer would still attribute to the same speech; re-detecting every 10
     * frames costs a tenth of detecting on every frame; a cut threshold of 10 sits between the largest
     * difference inside a GRID clip (under 1) and the smallest between two of its speakers (about 13).
     */
    public static final AvSyncSettings DEFAULTS = new AvSyncSettings(500, 10, 10.0, 1.0);

    public AvSyncSettings {
        if (maxLagMs < 1 || maxLagMs > 5_000) {
            throw new IllegalArgumentException("maxLagMs must be 1..5000, not " + maxLagMs);
        }
        if (redetectEvery < 1) {
            throw new IllegalArgumentException("redetectEvery must be at least 1, not " + redetectEvery);
        }
        if (!(cutThreshold > 0)) {
            throw new IllegalArgumentException("cutThreshold must be positive, not " + cutThreshold);
        }
        if (!(minShotSeconds > 0)) {
            throw new IllegalArgumentException("minShotSeconds must be positive, not " + minShotSeconds);
        }
    }
}
