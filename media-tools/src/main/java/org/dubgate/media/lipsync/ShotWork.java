package org.dubgate.media.lipsync;

import org.dubgate.media.avsync.Box;
import org.dubgate.media.mix.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the alteration learns about one shot and keeps between its passes: per frame the face box, the mouth's
 * opening speed before and after, and the reference crop. About 60 bytes a frame plus one crop.
 */
final class ShotWork {

    /** Frames either side over which face boxes are averaged, so the pasted mouth does not jitter with the cascade. */
    private static final int SMOOTH = 3;

    final Span span;
    final int firstFrame;
    final int lastFrame;
    final Box[] boxes;
    final double[] before;
    final double[] after;
    final double[] times;
    /** Per frame, its scene within the shot: a span told to be one shot may still hold cuts (a reel, a careless span). */
    final int[] scene;
    /** Per scene, the reference crop (its most-closed-mouth frame) and how bright that frame's mouth interior was. */
    final List<float[]> references = new ArrayList<>();
    final List<Double> referenceBrightness = new ArrayList<>();
    int altered;
    int[] union;
    double bestChange = Double.NEGATIVE_INFINITY;
    byte[] stillBefore;
    byte[] stillAfter;
    int[] stillBox;
    Splice splice;

    ShotWork(Span span, int firstFrame, int lastFrame, VideoIndex index) {
        this.span = span;
        this.firstFrame = firstFrame;
        this.lastFrame = lastFrame;
        int n = lastFrame - firstFrame + 1;
        boxes = new Box[n];
        before = new double[n];
        after = new double[n];
        times = new double[n];
        scene = new int[n];
        Arrays.fill(before, Double.NaN);
        Arrays.fill(after, Double.NaN);
        for (int k = 0; k < n; k++) {
            double t = index.seconds(index.sortedPts[firstFrame + k]);
            times[k] = k == 0 ? t : (index.seconds(index.sortedPts[firstFrame + k - 1]) + t) / 2;
        }
    }

    /** Whether frame {@code i} of the shot (from 0) follows frame i - 1 in the same scene: motion is measurable. */
    boolean continues(int i) {
        return i > 0 && scene[i] == scene[i - 1];
    }

    boolean contains(int frame) {
        return frame >= firstFrame && frame <= lastFrame;
    }

    int faceFrames() {
        int n = 0;
        for (Box b : boxes) {
            n += b == null ? 0 : 1;
        }
        return n;
    }

    /** Averages each box with its tracked neighbours (boxes of frames without a face stay null). */
    void smoothBoxes() {
        Box[] out = new Box[boxes.length];
        for (int k = 0; k < boxes.length; k++) {
            if (boxes[k] == null) {
                continue;
            }
            double x = 0, y = 0, w = 0, h = 0;
            int n = 0;
            for (int j = Math.max(0, k - SMOOTH); j <= Math.min(boxes.length - 1, k + SMOOTH); j++) {
                if (boxes[j] != null && scene[j] == scene[k]) {
                    x += boxes[j].x();
                    y += boxes[j].y();
                    w += boxes[j].w();
                    h += boxes[j].h();
                    n++;
                }
            }
            out[k] = new Box(x / n, y / n, w / n, h / n);
        }
        System.arraycopy(out, 0, boxes, 0, boxes.length);
    }

    void include(int[] b) {
        union = union == null ? b.clone() : new int[]{Math.min(union[0], b[0]), Math.min(union[1], b[1]),
                Math.max(union[2], b[2]), Math.max(union[3], b[3])};
    }
}
