package org.dubgate.media.qa;

import java.util.List;

/**
 * The signal figures of one line's audio, for the server to compare to its thresholds. Levels are
 * dBFS (0 = full scale) of the loudest channel at each instant; a level of a line with no signal at
 * all is {@link Double#NEGATIVE_INFINITY}.
 *
 * @param durationSeconds frames over the sample rate
 * @param sampleRate the file's own rate (the audit does not resample)
 * @param channels the file's channel count
 * @param frames sample frames read
 * @param peakDbfs largest sample magnitude
 * @param rmsDbfs RMS over the whole line, pauses included
 * @param activeLevelDbfs RMS over the 10 ms blocks that are above the audit's activity gate: the
 *        level of the speech itself, which pauses do not dilute
 * @param clippedRuns runs of at least the audit's run length of consecutive same-sign samples at
 *        full scale (within its margin)
 * @param longestClippedRun the longest such run, in samples (0 when there is none)
 * @param silent the whole line is below the audit's silence floor (true also when empty)
 * @param empty the file holds no sample at all
 * @param dropouts gaps of digital silence inside the voiced part, in order
 */
public record LineFigures(double durationSeconds, int sampleRate, int channels, long frames,
                          double peakDbfs, double rmsDbfs, double activeLevelDbfs,
                          int clippedRuns, int longestClippedRun, boolean silent, boolean empty,
                          List<Dropout> dropouts) {

    public LineFigures {
        dropouts = List.copyOf(dropouts);
    }
}
