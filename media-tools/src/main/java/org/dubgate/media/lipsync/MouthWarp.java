package org.dubgate.media.lipsync;

import java.nio.file.Path;

/**
 * The weight-free mouth engine: no trained model, only a parameter file ({@link MouthWarpParams}). From each
 * frame's mel window it takes the mean level of the speech band around the frame's centre as the mouth's
 * opening (the line's audio envelope; phone timings from {@code flite -psdur} would give visemes but are out of
 * scope here), and re-animates the reference crop (channels 3–5, the face with its mouth shut): inside a
 * feathered ellipse around the mouth the lower lip and jaw are pulled down by the opening and the upper lip a
 * little up (a smooth backward warp, so the skin stretches rather than tears), and the gap between the lips is
 * darkened as an open mouth's interior is. Outside the ellipse the crop is the reference, unchanged; the
 * picture alteration blends only the mouth region back anyway. Immutable: one instance may serve several
 * threads, and it holds no native resources.
 */
public final class MouthWarp implements MouthModel {

    private final MouthWarpParams p;
    private final int bandFrom;
    private final int bandTo;

    public MouthWarp(MouthWarpParams params) {
        this.p = params;
        int from = -1;
        int to = -1;
        for (int b = 0; b < MEL_BANDS; b++) {
            double c = MelFilterBank.WAV2LIP.centre(b);
            if (c >= params.bandLowHz() && from < 0) {
                from = b;
            }
            if (c <= params.bandHighHz()) {
                to = b;
            }
        }
        this.bandFrom = Math.max(0, from);
        this.bandTo = Math.max(bandFrom, to);
    }

    /** The engine with the parameters in {@code params}; see {@link MouthWarpParams#read} for what is refused. */
    public static MouthWarp load(Path params) throws LipSyncException {
        return new MouthWarp(MouthWarpParams.read(params));
    }

    /** Writes the default parameters, the file an operator starts from. */
    public static void writeDefaults(Path file) throws LipSyncException {
        MouthWarpParams.DEFAULTS.write(file);
    }

    public MouthWarpParams params() {
        return p;
    }

    @Override
    public int cropSize() {
        return p.cropSize();
    }

    /** The mouth's opening 0..1 for one frame's {@code 80 × 16} window at {@code offset}. */
    public double opening(float[] mel, int offset) {
        int first = MEL_STEPS / 2 - p.centreSteps() / 2;
        double sum = 0;
        for (int b = bandFrom; b <= bandTo; b++) {
            for (int s = first; s < first + p.centreSteps(); s++) {
                sum += mel[offset + b * MEL_STEPS + s];
            }
        }
        double level = sum / ((bandTo - bandFrom + 1) * p.centreSteps());
        double x = Math.max(0, Math.min(1, (level - p.quietLevel()) / (p.loudLevel() - p.quietLevel())));
        return Math.pow(x, p.gamma());
    }

    @Override
    public float[] render(int n, float[] mel, float[] faces) throws LipSyncException {
        int s = p.cropSize();
        int plane = s * s;
        if (n < 0 || mel.length < n * MEL_BANDS * MEL_STEPS || faces.length < n * 6 * plane) {
            throw new LipSyncException("mouth warp: inputs too short for " + n + " frames of " + s + " px");
        }
        float[] out = new float[n * 3 * plane];
        double cx = p.mouthX() * s;
        double cy = p.mouthY() * s;
        double rx = p.mouthWidth() * s;
        double ry = p.mouthHeight() * s;
        for (int i = 0; i < n; i++) {
            double open = opening(mel, i * MEL_BANDS * MEL_STEPS);
            double drop = open * p.maxDrop() * s;
            double rise = drop * p.upperShare();
            int ref = (i * 6 + 3) * plane;
            int dst = i * 3 * plane;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double ex = (x - cx) / rx;
                    double ey = (y - cy) / ry;
                    double r = Math.sqrt(ex * ex + ey * ey);
                    double w = smooth(1 - r); // 1 at the centre, 0 at and outside the ellipse
                    double sy = y;
                    double dark = 0;
                    if (w > 0 && open > 0) {
                        // backward map: the lower part of the ellipse shows what is drop * w above it
                        sy = y >= cy ? y - drop * smooth(1 - Math.abs(ex)) * w2(ey, 1) : y + rise * w;
                        // the gap between the lips: a thin ellipse from cy - rise to cy + drop
                        double gapCentre = cy + (drop - rise) / 2;
                        double gapHalf = (drop + rise) / 2;
                        if (gapHalf > 0.5) {
                            double gx = (x - cx) / (rx * 0.75);
                            double gy = (y - gapCentre) / gapHalf;
                            dark = p.interiorDarkness() * open * smooth(2 * (1 - Math.sqrt(gx * gx + gy * gy)));
                        }
                    }
                    for (int c = 0; c < 3; c++) {
                        double v = w > 0 ? sample(faces, ref + c * plane, s, x, sy) : faces[ref + c * plane + y * s + x];
                        out[dst + c * plane + y * s + x] = (float) (v * (1 - dark));
                    }
                }
            }
        }
        return out;
    }

    /** How much of the drop applies at {@code ey} below the centre: all of it near the lips, none at the rim. */
    private static double w2(double ey, double rim) {
        return smooth(rim - Math.abs(ey));
    }

    private static double smooth(double t) {
        double u = Math.max(0, Math.min(1, t));
        return u * u * (3 - 2 * u);
    }

    private static double sample(float[] img, int at, int s, double x, double y) {
        double yy = Math.max(0, Math.min(s - 1, y));
        int y0 = (int) Math.floor(yy);
        int y1 = Math.min(s - 1, y0 + 1);
        double f = yy - y0;
        int xi = (int) Math.max(0, Math.min(s - 1, x));
        return img[at + y0 * s + xi] * (1 - f) + img[at + y1 * s + xi] * f;
    }

    @Override
    public void close() {
        // no native resources
    }
}
