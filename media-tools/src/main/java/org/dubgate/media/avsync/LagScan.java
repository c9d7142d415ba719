package org.dubgate.media.avsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The correlation of the mouth's opening speed with the sound's loudness change at every lag, shot by shot.
 *
 * <p>Within a shot both signals have their centred one-second mean taken off (slow drifts of head pose or
 * level say nothing about sync) and the Pearson correlation is taken over the measured frames at each lag
 * from -maxLag to +maxLag ms in 1 ms steps, the sound read between its bins by linear interpolation: its
 * envelope is smoothed over a frame period, so the interpolation adds nothing a finer grid would show.
 * Shots are normalised on their own (each speaker and framing moves on its own scale) and pooled with
 * weights equal to their measured frames, so a long shot counts for more than a short one.
 */
final class LagScan {

    /** The pooled and per-shot peaks, and the pooled curve (index i is the lag {@code i - maxLagMs} ms). */
    record Scan(Optional<SyncPeak> pooled, List<ShotSync> shots, double[] curve) {
    }

    private LagScan() {
    }

    static Scan scan(VideoTrack video, AudioEnvelope audio, AvSyncSettings settings) {
        int maxLag = settings.maxLagMs();
        int minFrames = Math.max(3, (int) Math.ceil(settings.minShotSeconds() * video.frameRate()));
        int exclusion = Math.max(80, (int) Math.round(2000 * video.framePeriod()));
        int half = (int) Math.round(video.frameRate() / 2);
        double[] weighted = new double[2 * maxLag + 1];
        double[] weights = new double[2 * maxLag + 1];
        List<ShotSync> shots = new ArrayList<>();
        int[] starts = video.shotStarts();
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int to = s + 1 < starts.length ? starts[s + 1] : video.frames();
            int measured = video.measuredFrames(from, to);
            Optional<SyncPeak> peak = Optional.empty();
            if (measured >= minFrames) {
                double[] curve = curve(video, audio, from, to, half, maxLag, minFrames);
                for (int i = 0; i < curve.length; i++) {
                    if (!Double.isNaN(curve[i])) {
                        weighted[i] += measured * curve[i];
                        weights[i] += measured;
                    }
                }
                peak = Optional.ofNullable(SyncPeak.of(curve, maxLag, exclusion));
            }
            double startTime = frameTime(video, from);
            double endTime = to < video.frames() ? frameTime(video, to) : video.durationSeconds();
            shots.add(new ShotSync(from, to, startTime, endTime, measured, peak));
        }
        double[] pooled = new double[weighted.length];
        for (int i = 0; i < pooled.length; i++) {
            pooled[i] = weights[i] > 0 ? weighted[i] / weights[i] : Double.NaN;
        }
        return new Scan(Optional.ofNullable(SyncPeak.of(pooled, maxLag, exclusion)), shots, pooled);
    }

    /** A frame's own presentation time: its motion sample stands half a frame before it. */
    private static double frameTime(VideoTrack video, int k) {
        return k == 0 ? 0 : video.times()[k] + video.framePeriod() / 2;
    }

    /** Pearson correlation per lag over the shot's measured frames; NaN where fewer than minFrames have sound. */
    static double[] curve(VideoTrack video, AudioEnvelope audio, int from, int to, int half, int maxLag, int minFrames) {
        double[] opening = video.opening();
        double[] times = video.times();
        int n = video.measuredFrames(from, to);
        double[] x = new double[n];
        double[] t = new double[n];
        int m = 0;
        for (int k = from; k < to; k++) {
            if (Double.isNaN(opening[k])) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int j = Math.max(from, k - half); j <= Math.min(to - 1, k + half); j++) {
                if (!Double.isNaN(opening[j])) {
                    sum += opening[j];
                    count++;
                }
            }
            x[m] = opening[k] - sum / count;
            t[m++] = times[k];
        }
        double[] curve = new double[2 * maxLag + 1];
        for (int i = 0; i < curve.length; i++) {
            double lag = (i - maxLag) / 1000.0;
            int count = 0;
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (int k = 0; k < n; k++) {
                double y = audio.at(t[k] + lag);
                if (Double.isNaN(y)) {
                    continue;
                }
                count++;
                sx += x[k];
                sy += y;
                sxx += x[k] * x[k];
                syy += y * y;
                sxy += x[k] * y;
            }
            double spread = (count * sxx - sx * sx) * (count * syy - sy * sy);
            curve[i] = count >= minFrames && spread > 0 ? (count * sxy - sx * sy) / Math.sqrt(spread) : Double.NaN;
        }
        return curve;
    }
}
