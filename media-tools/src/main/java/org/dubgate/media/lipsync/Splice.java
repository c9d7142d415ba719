package org.dubgate.media.lipsync;

/**
 * One stretch of the picture that is decoded and re-encoded as a closed GOP run: source GOPs {@code first..last}
 * and, when the GOP after them is open, that GOP's leading frames (they reference the last frames of
 * {@code last}, which change) — the rest of that GOP (its key frame onwards) references only itself and is
 * copied. Decoding starts one GOP earlier ({@code warmGroup}) so that {@code first}'s own leading frames
 * decode as in the source; those warm-up packets are copied, their frames dropped.
 *
 * @param fromPts  first presentation time re-encoded (inclusive)
 * @param toPts    presentation time of the next copied key frame (exclusive); {@code Long.MAX_VALUE} at the end
 * @param lastFed  last packet (decode order) that has to be decoded: the next GOP's last leading frame, or the
 *                 last packet of {@code last}
 */
record Splice(int warmGroup, int first, int last, long fromPts, long toPts, int lastFed) {

    static Splice of(VideoIndex index, int first, int last) {
        long from = index.groupFirstPts(first);
        long to = Long.MAX_VALUE;
        int lastFed = index.groupStart[last + 1] - 1;
        if (last + 1 < index.groups()) {
            int k = index.groupStart[last + 1];
            to = index.pts[k];
            for (int i = k + 1; i < index.groupStart[last + 2]; i++) {
                if (index.pts[i] < to) {
                    lastFed = i;
                }
            }
        }
        return new Splice(Math.max(0, first - 1), first, last, from, to, lastFed);
    }

    /** Whether packet i (decode order) is replaced by the re-encode: in the GOPs, or a leading frame after. */
    boolean replaces(VideoIndex index, int i) {
        if (i >= index.groupStart[first] && i < index.groupStart[last + 1]) {
            return true;
        }
        return i > index.groupStart[last + 1] - 1 && i <= lastFed && index.pts[i] < toPts && index.pts[i] >= fromPts;
    }

    /** Whether packet i has to go through the decoder: from the warm-up GOP to the last leading frame. */
    boolean decodes(VideoIndex index, int i) {
        return i >= index.groupStart[warmGroup] && i <= lastFed;
    }
}
