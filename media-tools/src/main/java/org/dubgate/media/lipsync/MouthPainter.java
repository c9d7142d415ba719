package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.dubgate.media.avsync.Box;
import org.dubgate.media.avsync.MouthMotion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

/**
 * Re-draws the mouth in the frames of a splice that lie in a shot and have a face: frames are queued in display
 * order and, every {@value #BATCH} shot frames (or when a frame without a face must be encoded), the model
 * renders the batch's crops at once and each is blended back; then the queue goes to the encoder in order.
 * At most {@value #BATCH} frames (and their BGR copies) are held. Also measures the mouth's opening speed of
 * the source and of the altered frames, with the same boxes, for the shot's before/after sync score, and keeps
 * the face of the frame with the widest altered opening (darkest mouth interior against the scene's closed
 * reference) for the shot's still.
 */
final class MouthPainter implements AutoCloseable {

    static final int BATCH = 16;

    interface Encoder {
        void encode(AVFrame f) throws LipSyncException;
    }

    private record Queued(AVFrame frame, ShotWork shot, int frameIndex, byte[] bgr) {
    }

    private final MouthModel model;
    private final Path dub;
    private final VideoIndex index;
    private final List<ShotWork> shots;
    private final FrameImage image;
    private final int s;
    private final List<Queued> queue = new ArrayList<>();
    private final MouthMotion motion = new MouthMotion();
    private final Mat previousSource = new Mat();
    private final Mat previousAltered = new Mat();
    private int lastSource = -2;
    private int lastAltered = -2;
    private ShotWork melShot;
    private MelWindows mel;
    private int queuedShotFrames;

    MouthPainter(MouthModel model, Path dub, VideoIndex index, List<ShotWork> shots, FrameImage image) {
        this.model = model;
        this.dub = dub;
        this.index = index;
        this.shots = shots;
        this.image = image;
        this.s = model.cropSize();
    }

    void frame(AVFrame decoded, int k, Encoder out) throws LipSyncException {
        ShotWork shot = ShotAnalysis.shotOf(shots, k);
        Box box = shot == null ? null : shot.boxes[k - shot.firstFrame];
        if (box != null && shot.references.get(shot.scene[k - shot.firstFrame]) == null) {
            box = null; // a scene whose face never had its mouth inside the frame: nothing to re-draw from
        }
        AVFrame copy = av_frame_clone(decoded);
        if (box != null) {
            try (Mat grey = FrameImage.grey(copy)) {
                if (lastSource == k - 1 && shot.continues(k - shot.firstFrame)) {
                    shot.before[k - shot.firstFrame] = motion.openingSpeed(previousSource, grey, box);
                }
                grey.copyTo(previousSource);
            }
            lastSource = k;
            byte[] bgr = new byte[image.width * image.height * 3];
            image.toBgr(copy, bgr);
            queue.add(new Queued(copy, shot, k, bgr));
            if (++queuedShotFrames == BATCH) {
                flush(out);
            }
        } else {
            queue.add(new Queued(copy, null, k, null));
            if (queuedShotFrames == 0) {
                flush(out);
            }
        }
    }

    /** Renders what is queued and hands every queued frame, in order, to {@code out}. */
    void flush(Encoder out) throws LipSyncException {
        int n = queuedShotFrames;
        float[] rendered = null;
        if (n > 0) {
            float[] mels = new float[n * MouthModel.MEL_BANDS * MouthModel.MEL_STEPS];
            float[] faces = new float[n * 6 * s * s];
            int i = 0;
            for (Queued q : queue) {
                if (q.shot() == null) {
                    continue;
                }
                Box box = q.shot().boxes[q.frameIndex() - q.shot().firstFrame];
                MouthRegion.crop(q.bgr(), image.width, image.height, box, s, faces, i * 6 * s * s, true);
                float[] reference = q.shot().references.get(q.shot().scene[q.frameIndex() - q.shot().firstFrame]);
                System.arraycopy(reference, 0, faces, i * 6 * s * s + 3 * s * s, 3 * s * s);
                melOf(q.shot()).window(index.seconds(index.sortedPts[q.frameIndex()]), mels,
                        i * MouthModel.MEL_BANDS * MouthModel.MEL_STEPS);
                i++;
            }
            rendered = model.render(n, mels, faces);
            if (rendered == null || rendered.length < n * 3 * s * s) {
                throw new LipSyncException("the mouth model returned " + (rendered == null ? "nothing" : rendered.length
                        + " values") + " for " + n + " frames of " + s + " px; expected " + n * 3 * s * s);
            }
        }
        int i = 0;
        for (Queued q : queue) {
            if (q.shot() != null) {
                paint(q, rendered, i++ * 3 * s * s);
            }
            try {
                out.encode(q.frame());
            } finally {
                AVFrame f = q.frame();
                av_frame_free(f);
            }
        }
        queue.clear();
        queuedShotFrames = 0;
    }

    private void paint(Queued q, float[] rendered, int at) throws LipSyncException {
        ShotWork shot = q.shot();
        int k = q.frameIndex();
        Box box = shot.boxes[k - shot.firstFrame];
        int[] b = MouthRegion.bounds(box, image.width, image.height);
        int[] face = stillBox(box);
        byte[] beforeFace = crop(q.bgr(), face);
        double change = MouthRegion.blend(q.bgr(), image.width, image.height, box, s, rendered, at);
        if (av_frame_make_writable(q.frame()) < 0) {
            throw new LipSyncException("cannot make a decoded frame writable");
        }
        image.putRegion(q.bgr(), q.frame(), b[0], b[1], b[2], b[3]);
        shot.altered++;
        shot.include(b);
        // the widest altered opening: the mouth interior darkest against the scene's (closed) reference
        double opening = shot.referenceBrightness.get(shot.scene[k - shot.firstFrame]) - interiorLuma(q.bgr(), box);
        if (change > 0 && opening > shot.bestChange) {
            shot.bestChange = opening;
            shot.stillBox = face;
            shot.stillBefore = beforeFace;
            shot.stillAfter = crop(q.bgr(), face);
        }
        try (Mat grey = FrameImage.grey(q.frame())) {
            if (lastAltered == k - 1 && shot.continues(k - shot.firstFrame)) {
                shot.after[k - shot.firstFrame] = motion.openingSpeed(previousAltered, grey, box);
            }
            grey.copyTo(previousAltered);
        }
        lastAltered = k;
    }

    /** Mean luma of the lips' band middle (as {@code ShotAnalysis} measures the reference), from BGR. */
    private double interiorLuma(byte[] bgr, Box face) {
        int x0 = (int) Math.max(0, face.x() + 0.4 * face.w());
        int x1 = (int) Math.min(image.width, face.x() + 0.6 * face.w());
        int y0 = (int) Math.max(0, face.y() + 0.74 * face.h());
        int y1 = (int) Math.min(image.height, face.y() + 0.84 * face.h());
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = (y * image.width + x) * 3;
                sum += 0.114 * (bgr[i] & 0xff) + 0.587 * (bgr[i + 1] & 0xff) + 0.299 * (bgr[i + 2] & 0xff);
            }
        }
        return x1 > x0 && y1 > y0 ? sum / ((x1 - x0) * (y1 - y0)) : 0;
    }

    private MelWindows melOf(ShotWork shot) throws LipSyncException {
        if (shot != melShot) {
            // one shot's audio at a time: its stretch and a second either side for the windows at its ends
            double from = Math.max(0, shot.span.start().toNanos() / 1e9 - 1);
            mel = MelWindows.read(dub, from, shot.span.end().toNanos() / 1e9 + 1);
            melShot = shot;
        }
        return mel;
    }

    /** The face box widened by a quarter, clipped to the frame: {x0, y0, x1, y1}. */
    private int[] stillBox(Box box) {
        double grow = 0.125;
        int x0 = (int) Math.max(0, box.x() - grow * box.w());
        int y0 = (int) Math.max(0, box.y() - grow * box.h());
        int x1 = (int) Math.min(image.width, box.x() + (1 + grow) * box.w());
        int y1 = (int) Math.min(image.height, box.y() + (1 + grow) * box.h());
        return new int[]{x0, y0, x1, y1};
    }

    private byte[] crop(byte[] bgr, int[] r) {
        int w = r[2] - r[0];
        byte[] out = new byte[w * (r[3] - r[1]) * 3];
        for (int y = r[1]; y < r[3]; y++) {
            System.arraycopy(bgr, (y * image.width + r[0]) * 3, out, (y - r[1]) * w * 3, w * 3);
        }
        return out;
    }

    @Override
    public void close() {
        for (Queued q : queue) {
            AVFrame f = q.frame();
            av_frame_free(f);
        }
        queue.clear();
        motion.close();
        previousSource.close();
        previousAltered.close();
    }
}
