/**
 * Programme loudness after ITU-R BS.1770-4 and EBU R 128: integrated loudness with the absolute
 * (−70 LUFS) and relative (−10 LU) gates, momentary (400 ms) and short-term (3 s) maxima, loudness
 * range (EBU Tech 3342), sample and true peak (4× oversampled, BS.1770-4 Annex 2), and the integrated
 * loudness of given time spans only (dialogue gating over a script's cues).
 *
 * <p>The K-weighting is our own (two biquads at the file's own rate) rather than FFmpeg's
 * {@code ebur128} filter, so that any set of spans can be gated in the same pass. Audio is decoded
 * with FFmpeg and streamed: what is kept is one energy per 100 ms block (72,000 for two hours), never
 * the samples. {@link org.dubgate.media.loudness.LoudnessMeter} measures a file;
 * {@link org.dubgate.media.loudness.LoudnessAnalyzer} takes samples from anywhere else.
 * {@link org.dubgate.media.loudness.TruePeakLimiter} keeps audio under a true-peak ceiling with the same
 * 4× interpolator the meter reads peaks with.
 */
package org.dubgate.media.loudness;
