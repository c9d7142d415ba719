package org.dubgate.media.avsync;

import java.nio.file.Path;

/**
 * A separate sound track's voice-band loudness change (the scorer's sound feature), measured once, to correlate
 * with mouth motion at a chosen lag: the lip-sync engine's before/after score. The track's first sample plays
 * with the picture's first frame, as for {@link AvSync#score} with a separate file. Holds 4 bytes per eighth of
 * a frame period (about 2.9 MB an hour at 25 fps), no samples.
 */
public final class DubEnvelope {

    private final AudioEnvelope envelope;
    private final double frameRate;

    private DubEnvelope(AudioEnvelope envelope, double frameRate) {
        this.envelope = envelope;
        this.frameRate = frameRate;
    }

    /** @throws AvSyncException the file is unreadable, has no audio, is silent or shorter than two frames */
    public static DubEnvelope measure(Path audio, double frameRate) throws AvSyncException {
        return new DubEnvelope(AudioEnvelope.measure(audio, false, 0, 1 / frameRate), frameRate);
    }

    /**
     * The Pearson correlation, at {@code lagMs}, of the mouth's opening speed with the sound's loudness change,
     * over the given motion samples: exactly the scorer's per-shot curve at one lag (the opening's centred
     * one-second mean taken off within these samples). NaN when fewer than 3 samples are measured or either
     * signal is flat.
     *
     * @param times   per sample, seconds from the picture's first frame (the scorer puts a sample half way
     *                between the two frames it compares)
     * @param opening per sample, {@link MouthMotion#openingSpeed}; NaN where not measured
     */
    public double correlationAt(double[] times, double[] opening, int lagMs) {
        if (times.length != opening.length) {
            throw new IllegalArgumentException("times and opening differ in length");
        }
        VideoTrack track = new VideoTrack(times, opening, new int[]{0}, frameRate,
                times.length == 0 ? 0 : times[times.length - 1] + 1 / frameRate, 0, false);
        if (track.measuredFrames(0, times.length) < 3) {
            return Double.NaN;
        }
        int half = (int) Math.round(frameRate / 2);
        // a one-lag curve: curve() indexes lag i - maxLag, so maxLag 0 with the sound read lagMs later
        VideoTrack shifted = lagMs == 0 ? track : new VideoTrack(shift(times, lagMs / 1000.0), opening,
                new int[]{0}, frameRate, track.durationSeconds(), 0, false);
        return LagScan.curve(shifted, envelope, 0, times.length, half, 0, 3)[0];
    }

    /** {@link #correlationAt(double[], double[], int)} over frames {@code [from, to)} of a measured picture. */
    public double correlationAt(Picture picture, int fromFrame, int toFrame, int lagMs) {
        VideoTrack t = picture.track();
        return correlationAt(java.util.Arrays.copyOfRange(t.times(), fromFrame, toFrame),
                java.util.Arrays.copyOfRange(t.opening(), fromFrame, toFrame), lagMs);
    }

    private static double[] shift(double[] times, double by) {
        double[] out = times.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += by;
        }
        return out;
    }
}
