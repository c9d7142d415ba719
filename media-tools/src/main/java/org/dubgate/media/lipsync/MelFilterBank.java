package org.dubgate.media.lipsync;

/**
 * librosa's {@code filters.mel(sr=16000, n_fft=800, n_mels=80, fmin=55, fmax=7600)} (Slaney's mel scale,
 * area-normalised triangles) and Wav2Lip's amplitude-to-dB and symmetric normalisation (ref level 20 dB,
 * min level -100 dB, max abs 4), written out because the trained models were fed exactly this.
 */
final class MelFilterBank {

    static final MelFilterBank WAV2LIP = new MelFilterBank(MelWindows.RATE, MelWindows.N_FFT, MouthModel.MEL_BANDS, 55, 7600);

    private static final double REF_LEVEL_DB = 20;
    private static final double MIN_LEVEL_DB = -100;
    private static final double MAX_ABS = 4;

    private final float[][] weights; // [band][fft bin]
    private final double[] centres;

    MelFilterBank(int rate, int nFft, int bands, double fmin, double fmax) {
        int bins = nFft / 2 + 1;
        double[] hz = new double[bands + 2];
        double lo = hzToMel(fmin);
        double hi = hzToMel(fmax);
        for (int i = 0; i < hz.length; i++) {
            hz[i] = melToHz(lo + (hi - lo) * i / (bands + 1));
        }
        weights = new float[bands][bins];
        centres = new double[bands];
        for (int m = 0; m < bands; m++) {
            double norm = 2.0 / (hz[m + 2] - hz[m]);
            centres[m] = hz[m + 1];
            for (int k = 0; k < bins; k++) {
                double f = (double) k * rate / nFft;
                double lower = (f - hz[m]) / (hz[m + 1] - hz[m]);
                double upper = (hz[m + 2] - f) / (hz[m + 2] - hz[m + 1]);
                weights[m][k] = (float) (norm * Math.max(0, Math.min(lower, upper)));
            }
        }
    }

    /** The centre frequency of each band, Hz. */
    double centre(int band) {
        return centres[band];
    }

    /** Writes the normalised log-mel of one magnitude spectrum into {@code out[at .. at + bands)}. */
    void normalisedLogMel(float[] magnitude, float[] out, int at) {
        for (int m = 0; m < weights.length; m++) {
            double sum = 0;
            float[] w = weights[m];
            for (int k = 0; k < magnitude.length; k++) {
                sum += w[k] * magnitude[k];
            }
            double db = 20 * Math.log10(Math.max(1e-5, sum)) - REF_LEVEL_DB;
            double v = 2 * MAX_ABS * (db - MIN_LEVEL_DB) / -MIN_LEVEL_DB - MAX_ABS;
            out[at + m] = (float) Math.max(-MAX_ABS, Math.min(MAX_ABS, v));
        }
    }

    static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n)); // periodic, as scipy's fftbins=True
        }
        return w;
    }

    static double hzToMel(double f) {
        double fSp = 200.0 / 3;
        return f < 1000 ? f / fSp : 1000 / fSp + Math.log(f / 1000) / (Math.log(6.4) / 27);
    }

    static double melToHz(double m) {
        double fSp = 200.0 / 3;
        double minLogMel = 1000 / fSp;
        return m < minLogMel ? m * fSp : 1000 * Math.exp((Math.log(6.4) / 27) * (m - minLogMel));
    }
}
