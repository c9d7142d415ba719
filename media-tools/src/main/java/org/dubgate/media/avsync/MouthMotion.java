package org.dubgate.media.avsync;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * How fast the mouth opens between two frames: the vertical motion of the lower lip and chin minus that of
 * the upper lip, each the least-squares shift of its band (one Lucas-Kanade step, vertical only).
 *
 * <p>Why this and not the mean absolute difference of the mouth crop, tried first: the difference is
 * unsigned and also grows with head turns, changes of light and codec noise; paired with the sound's
 * envelope (or its change) it left 3 s GRID clips up to 430 ms off. Opening speed is signed (opening
 * positive), ignores the head moving as a whole (both bands move together) and pairs with the sound's
 * loudness rising: every 3 s clip came within 28 ms.
 *
 * <p>The region is the middle half of the face box across and its lower half down (no mouth cascade ships
 * with OpenCV's jar): the upper band spans 0.55..0.72 of the box's height (below the nose to the upper lip),
 * the lower band 0.78..1.0 (lower lip and chin). It is scaled to {@value #SIZE} px square, so a shift is in
 * the same units whatever the resolution, and blurred so that shifts of a pixel or two stay in the
 * linear range of the gradient.
 */
public final class MouthMotion implements AutoCloseable {

    static final int SIZE = 64;
    private static final int UPPER_FROM = 6;
    private static final int UPPER_TO = 28;
    private static final int LOWER_FROM = 36;
    private static final int LOWER_TO = SIZE - 1;
    private static final double BLUR_SIGMA = 1.5;

    private final Mat scaled = new Mat();
    private final Mat floats = new Mat();
    private final Mat blurred = new Mat();
    private final float[] before = new float[SIZE * SIZE];
    private final float[] after = new float[SIZE * SIZE];

    /** The opening speed from {@code previous} to {@code current} under {@code face}; NaN when the region leaves the frame. */
    public double openingSpeed(Mat previous, Mat current, Box face) {
        int x0 = (int) Math.round(face.x() + 0.25 * face.w());
        int x1 = (int) Math.round(face.x() + 0.75 * face.w());
        int y0 = (int) Math.round(face.y() + 0.5 * face.h());
        int y1 = (int) Math.round(face.y() + face.h());
        if (x0 < 0 || y0 < 0 || x1 > current.cols() || y1 > current.rows() || x1 - x0 < 8 || y1 - y0 < 8) {
            return Double.NaN; // a clipped region would stretch differently: no measure rather than a wrong one
        }
        try (Rect region = new Rect(x0, y0, x1 - x0, y1 - y0)) {
            sample(previous, region, before);
            sample(current, region, after);
        }
        return shift(LOWER_FROM, LOWER_TO) - shift(UPPER_FROM, UPPER_TO);
    }

    private void sample(Mat frame, Rect region, float[] into) {
        try (Mat crop = new Mat(frame, region); Size size = new Size(SIZE, SIZE); Size kernel = new Size(0, 0)) {
            resize(crop, scaled, size, 0, 0, INTER_AREA);
            scaled.convertTo(floats, CV_32F);
            GaussianBlur(floats, blurred, kernel, BLUR_SIGMA);
            FloatBuffer pixels = blurred.createBuffer();
            pixels.get(into);
        }
    }

    /**
     * The downward shift of rows {@code from..to} between the two samples: the shift d that best explains the
     * change as the picture sliding, I_after - I_before = -d * dI/dy, solved in least squares.
     */
    private double shift(int from, int to) {
        double cross = 0;
        double energy = 0;
        for (int r = Math.max(1, from); r < to; r++) {
            for (int c = 0; c < SIZE; c++) {
                int i = r * SIZE + c;
                double dy = (before[i + SIZE] + after[i + SIZE] - before[i - SIZE] - after[i - SIZE]) / 4.0;
                cross += (after[i] - before[i]) * dy;
                energy += dy * dy;
            }
        }
        return energy == 0 ? 0 : -cross / energy;
    }

    @Override
    public void close() {
        scaled.close();
        floats.close();
        blurred.close();
    }
}
