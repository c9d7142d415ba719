package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.dubgate.media.avsync.AvSyncSettings;
import org.dubgate.media.avsync.Box;
import org.dubgate.media.avsync.FaceDetector;
import org.dubgate.media.avsync.FaceTracker;

import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The first decoding pass over the shots: the face tracked frame by frame (the AV-sync scorer's detector and
 * tracker, restarted at any cut inside the span, found as the scorer finds cuts: 64x48 thumbnails differing by
 * more than its cut threshold) and a reference crop per scene, its most-closed-mouth frame: the one whose mouth interior (the middle of the lips'
 * band) is brightest, an open mouth showing its dark inside. Only the packets of the GOPs to be re-encoded are
 * decoded; the rest of the file is only demuxed.
 */
final class ShotAnalysis {

    /** Frames between face detections: the scorer's default. */
    private static final int REDETECT = 10;

    private ShotAnalysis() {
    }

    static void run(Path source, VideoIndex index, List<Splice> splices, List<ShotWork> shots, int cropSize)
            throws LipSyncException {
        try (SourceVideo in = SourceVideo.open(source);
             FaceDetector detector = new FaceDetector();
             Mat thumb = new Mat(); Mat previousThumb = new Mat(); Mat diff = new Mat();
             Size thumbSize = new Size(64, 48)) {
            FrameImage image = new FrameImage(in.width(), in.height(), in.pixelFormat());
            byte[] bgr = new byte[in.width() * in.height() * 3];
            FaceTracker tracker = new FaceTracker(detector, REDETECT);
            try (image) {
                SourceVideo.FrameSink sink = f -> {
                    int k = index.displayIndex(f.pts());
                    ShotWork shot = shotOf(shots, k);
                    if (shot == null) {
                        return;
                    }
                    Mat grey = FrameImage.grey(f);
                    try (grey) {
                        int i = k - shot.firstFrame;
                        resize(grey, thumb, thumbSize, 0, 0, INTER_AREA);
                        boolean start = i == 0;
                        if (!start) {
                            absdiff(thumb, previousThumb, diff);
                            try (Scalar change = mean(diff)) {
                                start = change.get(0) > AvSyncSettings.DEFAULTS.cutThreshold();
                            }
                        }
                        thumb.copyTo(previousThumb);
                        if (start) {
                            shot.references.add(null);
                            shot.referenceBrightness.add(Double.NEGATIVE_INFINITY);
                        }
                        int scene = shot.references.size() - 1;
                        shot.scene[i] = scene;
                        Box face = tracker.next(grey, start);
                        shot.boxes[i] = face;
                        if (face != null) {
                            double brightness = interior(grey, face);
                            if (brightness > shot.referenceBrightness.get(scene)) {
                                shot.referenceBrightness.set(scene, brightness);
                                image.toBgr(f, bgr);
                                float[] reference = new float[3 * cropSize * cropSize];
                                MouthRegion.crop(bgr, in.width(), in.height(), face, cropSize, reference, 0, false);
                                shot.references.set(scene, reference);
                            }
                        }
                    }
                };
                int[] at = {0};
                in.readAll((p, v) -> {
                    if (v < 0) {
                        return;
                    }
                    while (at[0] < splices.size() && v > splices.get(at[0]).lastFed()) {
                        at[0]++;
                    }
                    if (at[0] < splices.size() && splices.get(at[0]).decodes(index, v)) {
                        in.decode(p, sink);
                        if (v == splices.get(at[0]).lastFed()) {
                            in.decode(null, sink);
                        }
                    }
                });
                in.decode(null, sink);
            }
        }
        for (ShotWork s : shots) {
            s.smoothBoxes();
        }
    }

    static ShotWork shotOf(List<ShotWork> shots, int frame) {
        for (ShotWork s : shots) {
            if (s.contains(frame)) {
                return s;
            }
        }
        return null;
    }

    /** Mean luma of the lips' band middle: 0.4..0.6 across, 0.74..0.84 down the face box. */
    private static double interior(Mat grey, Box face) {
        int x0 = (int) Math.max(0, face.x() + 0.4 * face.w());
        int x1 = (int) Math.min(grey.cols(), face.x() + 0.6 * face.w());
        int y0 = (int) Math.max(0, face.y() + 0.74 * face.h());
        int y1 = (int) Math.min(grey.rows(), face.y() + 0.84 * face.h());
        if (x1 <= x0 || y1 <= y0) {
            return Double.NEGATIVE_INFINITY;
        }
        org.bytedeco.javacpp.indexer.UByteIndexer px = grey.createIndexer();
        try (px) {
            long sum = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    sum += px.get(y, x);
                }
            }
            return (double) sum / ((x1 - x0) * (y1 - y0));
        }
    }
}
