package org.dubgate.media.avsync;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.dubgate.media.probe.MediaProber;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The picture's side: decoded frame by frame as grey, each frame reduced to a few scalars (its time, the
 * mouth's opening speed since the frame before, whether a shot starts there) and then dropped. Memory
 * stays at two frames and a thumbnail whatever the length, plus 16 bytes a frame.
 *
 * @param times      per frame, the time its motion sample stands for: half way between the frame and the one
 *                   before (seconds from the first frame)
 * @param opening    per frame, the mouth's opening speed since the frame before; NaN where not measured
 *                   (first frame of a shot, no face, mouth region outside the picture)
 * @param shotStarts the first frame of each shot, ascending, starting with 0
 * @param startMicros the first frame's presentation time on the container's clock
 */
record VideoTrack(double[] times, double[] opening, int[] shotStarts, double frameRate, double durationSeconds,
                  long startMicros, boolean hasAudio) {

    /** The thumbnail compared for scene cuts: coarse enough that motion inside a shot barely registers. */
    private static final int THUMB_W = 64;
    private static final int THUMB_H = 48;
    private static final double FALLBACK_RATE = 25.0;

    int frames() {
        return times.length;
    }

    double framePeriod() {
        return 1.0 / frameRate;
    }

    int measuredFrames(int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n += Double.isNaN(opening[k]) ? 0 : 1;
        }
        return n;
    }

    static VideoTrack measure(Path file, AvSyncSettings settings) throws AvSyncException {
        try (FFmpegFrameGrabber grabber = open(file);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             FaceDetector detector = new FaceDetector();
             MouthMotion mouth = new MouthMotion();
             Mat previous = new Mat(); Mat thumb = new Mat(); Mat previousThumb = new Mat(); Mat diff = new Mat();
             Size thumbSize = new Size(THUMB_W, THUMB_H)) {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new AvSyncException(file, AvSyncException.Reason.NOT_MEDIA, "not a readable video (" + e.getMessage() + ")");
            }
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                throw new AvSyncException(file, AvSyncException.Reason.NO_VIDEO, "no video stream");
            }
            double rate = grabber.getFrameRate() > 0 && grabber.getFrameRate() < 1000 ? grabber.getFrameRate() : FALLBACK_RATE;
            FaceTracker tracker = new FaceTracker(detector, settings.redetectEvery());
            Doubles times = new Doubles();
            Doubles opening = new Doubles();
            List<Integer> shots = new ArrayList<>();
            long start = Long.MIN_VALUE;
            double lastTime = 0;
            Frame frame;
            while ((frame = grab(grabber, file, times.size())) != null) {
                Mat grey = converter.convert(frame);
                resize(grey, thumb, thumbSize, 0, 0, INTER_AREA);
                boolean shotStart = times.size() == 0;
                if (!shotStart) {
                    absdiff(thumb, previousThumb, diff);
                    try (Scalar change = mean(diff)) {
                        shotStart = change.get(0) > settings.cutThreshold();
                    }
                }
                if (shotStart) {
                    shots.add(times.size());
                }
                if (start == Long.MIN_VALUE) {
                    start = frame.timestamp;
                }
                double time = (frame.timestamp - start) / 1e6;
                Box face = tracker.next(grey, shotStart);
                opening.add(shotStart || face == null ? Double.NaN : mouth.openingSpeed(previous, grey, face));
                times.add(times.size() == 0 ? time : (lastTime + time) / 2);
                lastTime = time;
                grey.copyTo(previous);
                thumb.copyTo(previousThumb);
            }
            if (times.size() < 2) {
                throw new AvSyncException(file, AvSyncException.Reason.TOO_SHORT,
                        "the video has " + times.size() + " frame" + (times.size() == 1 ? "" : "s") + ": too short to score");
            }
            return new VideoTrack(times.toArray(), opening.toArray(), shots.stream().mapToInt(Integer::intValue).toArray(),
                    rate, lastTime + 1 / rate, start, grabber.getAudioChannels() > 0);
        } catch (FrameGrabber.Exception e) {
            throw new AvSyncException(file, AvSyncException.Reason.CORRUPT, "cannot close the video: " + e.getMessage());
        }
    }

    /** A grabber for grey frames, opened as the prober opens uploads: real containers only, local files only. */
    static FFmpegFrameGrabber open(Path file) {
        FFmpegFrameGrabber grabber = MediaProber.confinedGrabber(file);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
        return grabber;
    }

    private static Frame grab(FFmpegFrameGrabber grabber, Path file, int index) throws AvSyncException {
        try {
            return grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new AvSyncException(file, AvSyncException.Reason.CORRUPT, "cannot decode frame " + index + ": " + e.getMessage());
        }
    }
}
