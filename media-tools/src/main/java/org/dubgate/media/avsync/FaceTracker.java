package org.dubgate.media.avsync;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The face box frame by frame: detected at each shot's first frame, re-detected every few frames and
 * smoothed in between, so the mouth region does not jitter with the cascade's few-pixel noise. Mouth motion
 * is measured with one box over both frames of a pair, so a box that moves does not read as motion.
 */
public final class FaceTracker {

    /** A re-detection overlapping the tracked box less than this is another face or a jump: taken as it is. */
    private static final double SAME_FACE = 0.3;
    /** How far each re-detection pulls the box: half way halves the cascade's jitter at a lag of a few frames. */
    private static final double SMOOTHING = 0.5;
    /** Re-detections in a row that find nothing before the face counts as gone. */
    private static final int MISSES_ALLOWED = 2;

    private final FaceDetector detector;
    private final int every;
    private Box box;
    private int sinceTry;
    private int misses;

    public FaceTracker(FaceDetector detector, int every) {
        this.detector = detector;
        this.every = every;
    }

    /** The box for this frame, or null when no face is tracked; {@code shotStart} forgets the last shot's face. */
    public Box next(Mat grey, boolean shotStart) {
        if (shotStart) {
            box = null;
            misses = 0;
        }
        boolean due = shotStart || sinceTry >= (box == null ? Math.max(1, every / 2) : every);
        sinceTry++;
        if (!due) {
            return box;
        }
        sinceTry = 1;
        Box found = detector.detect(grey, box);
        if (found != null) {
            box = box == null || box.overlap(found) < SAME_FACE ? found : box.toward(found, SMOOTHING);
            misses = 0;
        } else if (box != null && ++misses > MISSES_ALLOWED) {
            box = null;
        }
        return box;
    }
}
