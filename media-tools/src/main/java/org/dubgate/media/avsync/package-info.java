/**
 * Audio-visual sync scoring: how far a video's sound is offset from its picture, measured from the
 * speaker's mouth. Plain Java over JavaCV (FFmpeg for decoding, OpenCV for face detection); no container
 * dependency, no model weights.
 *
 * <p>{@link org.dubgate.media.avsync.AvSync#score} decodes the picture once, frame by frame, finding the
 * face with OpenCV's frontal-face Haar cascade (shipped inside the bytedeco OpenCV jar; no mouth cascade
 * ships, so the mouth is a fixed part of the face box) and measuring how fast the mouth opens or closes
 * between consecutive frames. It then decodes the sound once and measures how fast its voice-band
 * loudness rises or falls over the same frame period. Opening goes with rising loudness, so the two
 * signed signals correlate best when the sound is placed where it belongs; the lag of that best
 * correlation, searched at 1 ms steps, is the offset. Only per-frame scalars (and the sound's energy per
 * eighth of a frame) are kept, never frames.
 *
 * <p>Sign convention: a positive {@code offsetMs} means the audio is late relative to the picture (each
 * sound is heard that long after the mouth makes it); the audio must be advanced by that much to be in
 * sync. Negative means the audio is early.
 *
 * <p>OpenCV is an optional dependency of media-tools: a module calling this package must declare
 * {@code org.bytedeco:opencv} and {@code org.bytedeco:openblas} (and their platform jars) itself.
 */
package org.dubgate.media.avsync;
