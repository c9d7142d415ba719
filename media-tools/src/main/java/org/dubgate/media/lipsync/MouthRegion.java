package org.dubgate.media.lipsync;

import org.dubgate.media.avsync.Box;

/**
 * Where the face crop sits in a frame and which part of it is blended back. The crop is the tracked face box
 * (OpenCV's frontal-face box is square: brows to chin) scaled to the model's S × S. The blend is a feathered
 * ellipse over the mouth and chin inside the crop's lower half: Wav2Lip re-draws the whole lower half, but only
 * the mouth should move, and a soft edge hides the seam between the model's face and the frame's.
 */
final class MouthRegion {

    static final double CENTRE_X = 0.5;
    static final double CENTRE_Y = 0.78;
    static final double RADIUS_X = 0.30;
    static final double RADIUS_Y = 0.22;
    private static final double FEATHER = 0.35;

    private MouthRegion() {
    }

    /** Blend weight 0..1 at crop position (u, v), both 0..1. */
    static double alpha(double u, double v) {
        double ex = (u - CENTRE_X) / RADIUS_X;
        double ey = (v - CENTRE_Y) / RADIUS_Y;
        double r = Math.sqrt(ex * ex + ey * ey);
        double inside = clamp((1 - r) / FEATHER);
        double lowerHalf = clamp((v - 0.5) / 0.05);
        return inside * lowerHalf;
    }

    /** The blended rectangle in frame pixels, clipped to the frame: {x0, y0, x1, y1}, end exclusive. */
    static int[] bounds(Box face, int width, int height) {
        int x0 = (int) Math.floor(face.x() + (CENTRE_X - RADIUS_X) * face.w());
        int x1 = (int) Math.ceil(face.x() + (CENTRE_X + RADIUS_X) * face.w());
        int y0 = (int) Math.floor(face.y() + Math.max(0.5, CENTRE_Y - RADIUS_Y) * face.h());
        int y1 = (int) Math.ceil(face.y() + Math.min(1.0, CENTRE_Y + RADIUS_Y) * face.h());
        return new int[]{Math.max(0, x0), Math.max(0, y0), Math.min(width, x1), Math.min(height, y1)};
    }

    /** The S × S crop of {@code bgr} under {@code face} as BGR planes 0..1 into {@code into[at ..]}; bilinear. */
    static void crop(byte[] bgr, int width, int height, Box face, int s, float[] into, int at, boolean blackLowerHalf) {
        int plane = s * s;
        for (int y = 0; y < s; y++) {
            double fy = face.y() + (y + 0.5) * face.h() / s - 0.5;
            for (int x = 0; x < s; x++) {
                double fx = face.x() + (x + 0.5) * face.w() / s - 0.5;
                for (int c = 0; c < 3; c++) {
                    float v = blackLowerHalf && y >= s / 2 ? 0f : (float) (bilinear(bgr, width, height, fx, fy, c) / 255.0);
                    into[at + c * plane + y * s + x] = v;
                }
            }
        }
    }

    /**
     * Blends the model's crop ({@code out[at ..]}, BGR planes 0..1) into {@code bgr} over the mouth region of
     * {@code face}; returns the mean absolute change per pixel and channel over the region (0..255).
     */
    static double blend(byte[] bgr, int width, int height, Box face, int s, float[] out, int at) {
        int[] b = bounds(face, width, height);
        int plane = s * s;
        double change = 0;
        int count = 0;
        for (int y = b[1]; y < b[3]; y++) {
            double v = (y + 0.5 - face.y()) / face.h();
            for (int x = b[0]; x < b[2]; x++) {
                double u = (x + 0.5 - face.x()) / face.w();
                double a = alpha(u, v);
                count++;
                if (a <= 0) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int i = (y * width + x) * 3 + c;
                    double old = bgr[i] & 0xff;
                    double model = 255 * sampleCrop(out, at + c * plane, s, u * s - 0.5, v * s - 0.5);
                    int nv = (int) Math.round(Math.max(0, Math.min(255, old + a * (model - old))));
                    change += Math.abs(nv - old);
                    bgr[i] = (byte) nv;
                }
            }
        }
        return count == 0 ? 0 : change / (3.0 * count);
    }

    private static double sampleCrop(float[] img, int at, int s, double x, double y) {
        double xx = Math.max(0, Math.min(s - 1, x));
        double yy = Math.max(0, Math.min(s - 1, y));
        int x0 = (int) xx;
        int y0 = (int) yy;
        int x1 = Math.min(s - 1, x0 + 1);
        int y1 = Math.min(s - 1, y0 + 1);
        double fx = xx - x0;
        double fy = yy - y0;
        double top = img[at + y0 * s + x0] * (1 - fx) + img[at + y0 * s + x1] * fx;
        double bottom = img[at + y1 * s + x0] * (1 - fx) + img[at + y1 * s + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double bilinear(byte[] bgr, int width, int height, double x, double y, int c) {
        double xx = Math.max(0, Math.min(width - 1, x));
        double yy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) xx;
        int y0 = (int) yy;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double fx = xx - x0;
        double fy = yy - y0;
        double top = (bgr[(y0 * width + x0) * 3 + c] & 0xff) * (1 - fx) + (bgr[(y0 * width + x1) * 3 + c] & 0xff) * fx;
        double bottom = (bgr[(y1 * width + x0) * 3 + c] & 0xff) * (1 - fx) + (bgr[(y1 * width + x1) * 3 + c] & 0xff) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double clamp(double t) {
        double u = Math.max(0, Math.min(1, t));
        return u * u * (3 - 2 * u);
    }
}
