package org.dubgate.it;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two pictures decoded frame by frame (BGR) and compared where a lip-sync may and may not have
 * changed them: frames outside the re-encoded stretch must be identical; inside the shot, the mean
 * difference inside the mouth region against the mean difference everywhere else.
 */
final class PictureComparison {

    record Report(int sourceFrames, int frames, int untouched, int untouchedIdentical, int shotFrames,
                  double meanDiffInsideMouth, double meanDiffOutsideMouth) {
    }

    private PictureComparison() {
    }

    /**
     * @param mouth x, y, width, height of the mouth region in source pixels
     */
    static Report compare(Path source, Path altered, double reencodedStart, double reencodedEnd, double shotStart,
                          double shotEnd, int[] mouth) throws Exception {
        List<byte[]> a = new ArrayList<>();
        List<byte[]> b = new ArrayList<>();
        double fps = decode(source, a);
        decode(altered, b);
        int width;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(source.toFile())) {
            g.start();
            width = g.getImageWidth();
        }
        int untouched = 0;
        int identical = 0;
        int shotFrames = 0;
        double inside = 0;
        long insideCount = 0;
        double outside = 0;
        long outsideCount = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            double t = i / fps;
            byte[] x = a.get(i);
            byte[] y = b.get(i);
            // half a frame of slack at each edge of the re-encoded stretch: a frame there is either side
            if (t < reencodedStart - 0.5 / fps || t >= reencodedEnd + 0.5 / fps) {
                untouched++;
                if (Arrays.equals(x, y)) {
                    identical++;
                }
            } else if (t >= shotStart && t < shotEnd) {
                shotFrames++;
                for (int p = 0; p < x.length; p++) {
                    int pixel = p / 3;
                    int px = pixel % width;
                    int py = pixel / width;
                    double d = Math.abs((x[p] & 0xff) - (y[p] & 0xff));
                    if (px >= mouth[0] && px < mouth[0] + mouth[2] && py >= mouth[1] && py < mouth[1] + mouth[3]) {
                        inside += d;
                        insideCount++;
                    } else {
                        outside += d;
                        outsideCount++;
                    }
                }
            }
        }
        return new Report(a.size(), b.size(), untouched, identical, shotFrames,
                insideCount == 0 ? 0 : inside / insideCount, outsideCount == 0 ? 0 : outside / outsideCount);
    }

    /** Every frame of the first video stream as packed BGR bytes; returns the frame rate. */
    private static double decode(Path file, List<byte[]> frames) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            g.start();
            for (Frame f; (f = g.grabImage()) != null; ) {
                ByteBuffer buf = (ByteBuffer) f.image[0];
                int rowBytes = f.imageWidth * 3;
                byte[] packed = new byte[rowBytes * f.imageHeight];
                for (int row = 0; row < f.imageHeight; row++) {
                    buf.position(row * f.imageStride);
                    buf.get(packed, row * rowBytes, rowBytes);
                }
                frames.add(packed);
            }
            return g.getFrameRate();
        }
    }
}
