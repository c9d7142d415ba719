package org.dubgate.media.avsync;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Frontal faces with OpenCV's Haar cascade {@code haarcascade_frontalface_default}, the one the bytedeco
 * OpenCV jar ships that finds GRID's six speakers in every frame. {@link CascadeClassifier} reads only a
 * file, so the cascade is copied out of the jar once per JVM. Not thread-safe: one per scoring.
 */
public final class FaceDetector implements AutoCloseable {

    private static final String CASCADE = "haarcascades/haarcascade_frontalface_default.xml";
    /** Detection runs on frames scaled down to this width: a face a sync check can use is far larger than the cascade's 24 px. */
    private static final int DETECT_WIDTH = 480;
    /** A tracked face is searched for at most this wide: enough detail for the cascade, few scales to try. */
    private static final double TRACKED_WIDTH = 128;
    /** How far around a tracked face it is looked for, in face sizes each side: a head moves less in 10 frames. */
    private static final double AROUND = 0.5;

    private final CascadeClassifier cascade;
    private final Mat small = new Mat();
    private final Mat equalised = new Mat();

    public FaceDetector() {
        cascade = new CascadeClassifier(CascadeFile.PATH.toString());
        if (cascade.empty()) {
            cascade.close();
            throw new IllegalStateException("OpenCV could not load its face cascade from " + CascadeFile.PATH);
        }
    }

    /**
     * The largest face in the frame or, when one is tracked ({@code near}), the face overlapping it most,
     * searched only around it and at sizes close to it: a re-detection then costs a fraction of a full search.
     * Null when there is none.
     */
    public Box detect(Mat grey, Box near) {
        int x0 = 0;
        int y0 = 0;
        int x1 = grey.cols();
        int y1 = grey.rows();
        if (near != null) {
            x0 = clamp(near.x() - AROUND * near.w(), grey.cols());
            y0 = clamp(near.y() - AROUND * near.h(), grey.rows());
            x1 = clamp(near.x() + (1 + AROUND) * near.w(), grey.cols());
            y1 = clamp(near.y() + (1 + AROUND) * near.h(), grey.rows());
        }
        // a full frame is searched at most DETECT_WIDTH wide; around a tracked face, at the face's own scale
        double scale = near == null ? Math.min(1.0, (double) DETECT_WIDTH / grey.cols()) : Math.min(1.0, TRACKED_WIDTH / near.w());
        int minSide = near == null ? Math.max(24, (int) (grey.rows() * scale / 10)) : Math.max(24, (int) (0.6 * near.w() * scale));
        int maxSide = near == null ? 0 : (int) Math.ceil(1.6 * near.w() * scale);
        Box best = null;
        double bestScore = 0;
        try (Rect area = new Rect(x0, y0, x1 - x0, y1 - y0); Mat view = new Mat(grey, area);
             Size scaled = new Size((int) Math.round((x1 - x0) * scale), (int) Math.round((y1 - y0) * scale));
             RectVector faces = new RectVector(); Size minSize = new Size(minSide, minSide);
             Size maxSize = new Size(maxSide, maxSide)) {
            if (scale < 1.0) {
                resize(view, small, scaled, 0, 0, INTER_AREA);
            } else {
                view.copyTo(small);
            }
            // evens out lighting, as OpenCV's face-detection samples do before the cascade
            equalizeHist(small, equalised);
            cascade.detectMultiScale(equalised, faces, 1.1, 4, 0, minSize, maxSize);
            for (long i = 0; i < faces.size(); i++) {
                Rect r = faces.get(i);
                Box b = new Box(x0 + r.x() / scale, y0 + r.y() / scale, r.width() / scale, r.height() / scale);
                double score = near == null ? b.w() * b.h() : b.overlap(near);
                if (best == null || score > bestScore) {
                    best = b;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }

    @Override
    public void close() {
        cascade.close();
        small.close();
        equalised.close();
    }

    /** The cascade copied to a temporary file on first use. */
    private static final class CascadeFile {
        static final Path PATH = copy();

        private static Path copy() {
            String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + CASCADE;
            try (InputStream in = FaceDetector.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("OpenCV's face cascade " + resource + " is not on the class path:"
                            + " add org.bytedeco:opencv with the " + Loader.getPlatform() + " classifier");
                }
                Path file = Files.createTempFile("dubgate-frontalface-", ".xml");
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy OpenCV's face cascade to a temporary file", e);
            }
        }
    }
}
