package org.dubgate.media.lipsync;

import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.dubgate.media.probe.MediaProber;

import java.nio.FloatBuffer;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.DFT_COMPLEX_OUTPUT;
import static org.bytedeco.opencv.global.opencv_core.DFT_ROWS;
import static org.bytedeco.opencv.global.opencv_core.dft;

/**
 * The dub audio as Wav2Lip hears it, for one stretch (a shot): 16 kHz mono, pre-emphasis 0.97, STFT with a
 * periodic Hann window of 800 samples, hop 200 (80 columns a second, column j centred on sample {@code 200 j}
 * as librosa's {@code center=True}), 80 Slaney mel bands 55..7600 Hz, {@code 20 log10(max(1e-5, m)) - 20} dB
 * normalised to [-4, 4] ({@link MelFilterBank}). The FFT is OpenCV's {@code dft} (mixed radix, so 800 needs no
 * padding): no FFT library resolves offline here (no JTransforms in the local repository), and OpenCV is
 * already on the lip-sync class path for face finding.
 *
 * <p>Streams: only the stretch asked for (plus 0.1 s and a window either side) is kept, as floats; the audio
 * before it is decoded and dropped. A shot of a minute holds 3.8 MB of samples and 1.5 MB of mel.
 * Where the stretch runs past either end of the audio the samples are silence (librosa pads by reflection;
 * silence is what a dub track past its end is).
 */
public final class MelWindows {

    public static final int RATE = 16_000;
    public static final int N_FFT = 800;
    public static final int HOP = 200;
    public static final double COLUMNS_PER_SECOND = (double) RATE / HOP;
    private static final double PREEMPHASIS = 0.97;
    private static final int BLOCK = 256; // STFT columns per OpenCV call: bounded scratch however long the shot

    private final int firstColumn;
    private final int columns;
    private final float[] mel; // [column][band]

    private MelWindows(int firstColumn, int columns, float[] mel) {
        this.firstColumn = firstColumn;
        this.columns = columns;
        this.mel = mel;
    }

    /**
     * The mel spectrogram of {@code audio} that windows centred anywhere in {@code [fromSeconds, toSeconds]}
     * need; position t in the file is t seconds after its first decoded sample.
     */
    public static MelWindows read(Path audio, double fromSeconds, double toSeconds) throws LipSyncException {
        if (!(toSeconds >= fromSeconds) || fromSeconds < 0) {
            throw new LipSyncException("bad audio stretch " + fromSeconds + ".." + toSeconds + " s");
        }
        int c0 = (int) Math.floor(fromSeconds * COLUMNS_PER_SECOND) - MouthModel.MEL_STEPS;
        int c1 = (int) Math.ceil(toSeconds * COLUMNS_PER_SECOND) + MouthModel.MEL_STEPS;
        long firstSample = (long) c0 * HOP - N_FFT / 2 - 1; // one more for the pre-emphasis
        int count = (c1 - c0) * HOP + N_FFT + 1;
        return of(decode(audio, firstSample, count), firstSample, c0, c1 - c0 + 1);
    }

    /** From samples already at 16 kHz, {@code samples[0]} being sample {@code firstSample} of the track. */
    static MelWindows of(float[] samples, long firstSample, int firstColumn, int columns) {
        float[] mel = new float[columns * MouthModel.MEL_BANDS];
        float[] window = MelFilterBank.hann(N_FFT);
        float[] frames = new float[BLOCK * N_FFT];
        float[] spectrum = new float[BLOCK * N_FFT * 2];
        float[] magnitude = new float[N_FFT / 2 + 1];
        for (int b = 0; b < columns; b += BLOCK) {
            int n = Math.min(BLOCK, columns - b);
            for (int r = 0; r < n; r++) {
                long start = (long) (firstColumn + b + r) * HOP - N_FFT / 2;
                for (int i = 0; i < N_FFT; i++) {
                    int at = (int) (start + i - firstSample);
                    float x = at >= 0 && at < samples.length ? samples[at] : 0;
                    float prev = at - 1 >= 0 && at - 1 < samples.length ? samples[at - 1] : 0;
                    frames[r * N_FFT + i] = (float) (x - PREEMPHASIS * prev) * window[i];
                }
            }
            try (Mat in = new Mat(n, N_FFT, CV_32F); Mat out = new Mat()) {
                ((FloatBuffer) in.createBuffer()).put(frames, 0, n * N_FFT);
                dft(in, out, DFT_ROWS | DFT_COMPLEX_OUTPUT, 0);
                ((FloatBuffer) out.createBuffer()).get(spectrum, 0, n * N_FFT * 2);
            }
            for (int r = 0; r < n; r++) {
                int base = r * N_FFT * 2;
                for (int k = 0; k < magnitude.length; k++) {
                    float re = spectrum[base + 2 * k];
                    float im = spectrum[base + 2 * k + 1];
                    magnitude[k] = (float) Math.sqrt(re * re + im * im);
                }
                MelFilterBank.WAV2LIP.normalisedLogMel(magnitude, mel, (b + r) * MouthModel.MEL_BANDS);
            }
        }
        return new MelWindows(firstColumn, columns, mel);
    }

    /**
     * Writes the {@code 80 × 16} window centred on {@code centreSeconds} into {@code into} at {@code offset},
     * band-major ({@code [band][step]}, the {@code 1 × 80 × 16} of one frame): columns
     * {@code round(80 t) - 8 .. round(80 t) + 7}. Columns outside what was read are the quietest value, -4.
     */
    public void window(double centreSeconds, float[] into, int offset) {
        int c = (int) Math.round(centreSeconds * COLUMNS_PER_SECOND) - MouthModel.MEL_STEPS / 2 - firstColumn;
        for (int s = 0; s < MouthModel.MEL_STEPS; s++) {
            int col = c + s;
            for (int band = 0; band < MouthModel.MEL_BANDS; band++) {
                into[offset + band * MouthModel.MEL_STEPS + s] = col >= 0 && col < columns
                        ? mel[col * MouthModel.MEL_BANDS + band] : -4f;
            }
        }
    }

    /** 16 kHz mono samples {@code [first, first + count)} of the file; silence where the file has none. */
    static float[] decode(Path audio, long first, int count) throws LipSyncException {
        float[] out = new float[count];
        FFmpegFrameGrabber grabber = MediaProber.confinedGrabber(audio);
        try (grabber) {
            grabber.start();
            if (grabber.getAudioChannels() <= 0) {
                throw new LipSyncException(audio.getFileName() + ": no audio stream in the dub audio");
            }
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter("aresample=" + RATE
                    + ",aformat=sample_fmts=flt:channel_layouts=mono", grabber.getAudioChannels())) {
                filter.setSampleRate(grabber.getSampleRate());
                filter.setSampleFormat(grabber.getSampleFormat());
                filter.start();
                long position = 0;
                boolean ended = false;
                while (position < first + count) {
                    Frame f = filter.pullSamples();
                    if (f == null || f.samples == null) {
                        if (ended) {
                            break;
                        }
                        Frame in = grabber.grabSamples();
                        ended = in == null;
                        filter.push(in);
                        continue;
                    }
                    FloatBuffer block = (FloatBuffer) f.samples[0];
                    while (block.hasRemaining()) {
                        float s = block.get();
                        long at = position++ - first;
                        if (at >= 0 && at < count) {
                            out[(int) at] = s;
                        }
                    }
                }
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new LipSyncException(audio.getFileName() + ": cannot decode the dub audio: " + e.getMessage(), e);
        }
        return out;
    }
}
